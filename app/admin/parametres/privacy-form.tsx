"use client";

import { FormStatus } from "@/components/form/form-status";
import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { useFormAction } from "@/components/form/use-form-action";
import { DEACTIVATED_ACCOUNT_YEARS_MAX, DEACTIVATED_ACCOUNT_YEARS_MIN } from "@/lib/personal-data";
import {
  DATA_CONTROLLER_ADDRESS_MAX,
  DATA_CONTROLLER_NAME_MAX,
  DPO_CONTACT_MAX,
  PRIVACY_LEGAL_BASIS_MAX,
  privacySettingsSchema,
  type PrivacySettingsData,
} from "@/lib/validation/settings";
import { updatePrivacySettingsAction } from "./actions";
import { TextFields } from "./text-fields";
import { PLAIN_TEXT_HINT } from "./plain-text-hint";

const YEARS_ID = "donnees-comptes-desactives";

/** The texts the public page prints: one line, or a few (an address), or paragraphs with links. */
const texts = [
  {
    name: "dataControllerName",
    id: "donnees-responsable",
    label: "Responsable du traitement",
    hint: `En général la Ville elle-même. ${DATA_CONTROLLER_NAME_MAX} caractères au plus.`,
    rows: 0,
  },
  {
    name: "dataControllerAddress",
    id: "donnees-adresse",
    label: "Adresse postale du responsable du traitement",
    hint: `Sur plusieurs lignes si besoin. ${DATA_CONTROLLER_ADDRESS_MAX} caractères au plus.`,
    rows: 3,
  },
  {
    name: "dpoContact",
    id: "donnees-dpo",
    label: "Contact du délégué ou de la déléguée à la protection des données (DPO)",
    hint: `Adresse postale, adresse électronique ou formulaire : ce que les habitants utiliseront pour exercer leurs droits. ${DPO_CONTACT_MAX} caractères au plus.`,
    rows: 3,
  },
  {
    name: "privacyLegalBasis",
    id: "donnees-base-legale",
    label: "Base légale des traitements",
    hint: `Affichée pour chaque traitement de la plateforme. ${PRIVACY_LEGAL_BASIS_MAX} caractères au plus.`,
    rows: 3,
  },
  {
    name: "privacyNotes",
    id: "donnees-precisions",
    label: "Précisions de la Ville (facultatif)",
    hint: `${PLAIN_TEXT_HINT} Par exemple : le lieu d'hébergement des données, la durée de conservation des journaux techniques.`,
    rows: 6,
  },
] as const;

/**
 * What /donnees-personnelles says of the controller and the DPO, and how long a deactivated account
 * is kept before the retention job erases it. The same schema as the server; typed text kept on errors.
 */
export function PrivacySettingsForm({ current }: { current: PrivacySettingsData }) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: updatePrivacySettingsAction,
    schema: privacySettingsSchema,
    defaultValues: { ...current, deactivatedAccountYears: String(current.deactivatedAccountYears) },
  });
  const years = error("deactivatedAccountYears");

  return (
    <form action={formAction} {...formProps} className="flex max-w-2xl flex-col gap-6" aria-label="Données personnelles">
      <FormStatus state={state} returnTo="/admin/parametres" />
      <TextFields specs={texts} error={error} field={field} />
      <Field
        id={YEARS_ID}
        label="Durée de conservation des comptes désactivés, en années"
        hint={`Un nombre entier de ${DEACTIVATED_ACCOUNT_YEARS_MIN} à ${DEACTIVATED_ACCOUNT_YEARS_MAX}. Un compte désactivé depuis plus longtemps est effacé automatiquement, comme si la personne l'avait supprimé ; la page « Données personnelles » affiche cette durée.`}
        error={years}
      >
        <input
          id={YEARS_ID}
          type="text"
          inputMode="numeric"
          className={`${inputClass} max-w-40`}
          {...describedBy(YEARS_ID, true, years)}
          {...field("deactivatedAccountYears")}
        />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les données personnelles"}
        </button>
      </div>
    </form>
  );
}
