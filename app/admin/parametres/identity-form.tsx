"use client";

import { FormStatus } from "@/components/form/form-status";
import { buttonClass, dangerOutlineButtonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { useFormAction } from "@/components/form/use-form-action";
import { CITY_NAME_MAX, CONTACT_ADDRESS_MAX, LOGO_MAX_BYTES, SERVICE_NAME_MAX } from "@/lib/city-identity";
import { cityIdentitySchema, type CityIdentityData } from "@/lib/validation/settings";
import { removeCityLogoAction, replaceCityLogoAction, updateCityIdentityAction } from "./actions";
import { TextFields } from "./text-fields";

const texts = [
  {
    name: "cityName",
    id: "identite-ville",
    label: "Nom de la Ville",
    hint: `Tel qu'il s'écrit en tête du site et dans les courriels, par exemple « Ville de Démoville ». ${CITY_NAME_MAX} caractères au plus.`,
    rows: 0,
  },
  {
    name: "serviceName",
    id: "identite-service",
    label: "Nom du service",
    hint: `Le nom de ce site, par exemple « Projet social communal ». ${SERVICE_NAME_MAX} caractères au plus.`,
    rows: 0,
  },
  {
    name: "contactAddress",
    id: "identite-contact",
    label: "Adresse de contact (facultatif)",
    hint: `Adresse postale ou électronique pour écrire à la Ville au sujet de ce site, affichée en bas de chaque page et dans les mentions légales. ${CONTACT_ADDRESS_MAX} caractères au plus.`,
    rows: 3,
  },
] as const;

/** The City's names and contact address: on every public page, feed and e-mail. */
export function CityIdentityForm({ current }: { current: CityIdentityData }) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: updateCityIdentityAction,
    schema: cityIdentitySchema,
    defaultValues: current,
  });
  return (
    <form action={formAction} {...formProps} className="flex max-w-2xl flex-col gap-6" aria-label="Identité de la Ville">
      <FormStatus state={state} returnTo="/admin/parametres" />
      <TextFields specs={texts} error={error} field={field} />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer l'identité"}
        </button>
      </div>
    </form>
  );
}

const LOGO_ID = "identite-logo";

/**
 * The logo: a PNG or SVG file, checked by its bytes on the server (no check in the browser: the
 * file is sent as it is). Shown in the header of every page through <img>, with the City's name as
 * its text alternative.
 */
export function CityLogoForm({ logoUrl, cityName }: { logoUrl: string | null; cityName: string }) {
  const upload = useFormAction({ action: replaceCityLogoAction });
  const remove = useFormAction({ action: removeCityLogoAction });
  const message = upload.error("logo");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      {logoUrl ? (
        <figure className="flex flex-col gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- an admin's upload at a hashed address, not a build asset */}
          <img src={logoUrl} alt={`Logo actuel : ${cityName}`} className="h-16 w-auto self-start rounded bg-blue-900 p-2" />
          <figcaption className="text-sm text-slate-700">Le logo actuel, tel qu&apos;il apparaît en tête du site.</figcaption>
        </figure>
      ) : (
        <p>Le site n&apos;a pas de logo : la tête du site affiche le nom de la Ville seulement.</p>
      )}
      {/* Outside the removal's form, which is gone once the logo is: its confirmation stays. */}
      <FormStatus state={remove.state} returnTo="/admin/parametres" />
      <form action={upload.formAction} {...upload.formProps} className="flex flex-col gap-4" aria-label="Logo de la Ville">
        <FormStatus state={upload.state} returnTo="/admin/parametres" />
        <Field
          id={LOGO_ID}
          label={logoUrl ? "Remplacer le logo" : "Ajouter un logo"}
          hint={`Un fichier PNG ou SVG (sans script), ${Math.round(LOGO_MAX_BYTES / 1024)} Ko au plus. Il s'affiche sur fond bleu foncé : préférez une version claire.`}
          error={message}
        >
          <input
            id={LOGO_ID}
            type="file"
            accept="image/png,image/svg+xml,.png,.svg"
            className={inputClass}
            {...describedBy(LOGO_ID, true, message)}
            // Registered, so that choosing another file clears the previous refusal and the form can be sent again.
            {...upload.form.register("logo")}
          />
        </Field>
        <div>
          <button type="submit" className={buttonClass} disabled={upload.pending}>
            {upload.pending ? "Envoi…" : "Enregistrer le logo"}
          </button>
        </div>
      </form>
      {logoUrl ? (
        <form action={remove.formAction} {...remove.formProps} aria-label="Retirer le logo">
          <button type="submit" className={dangerOutlineButtonClass} disabled={remove.pending}>
            {remove.pending ? "Retrait…" : "Retirer le logo"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
