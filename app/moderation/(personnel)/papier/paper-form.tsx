"use client";

import { useState, type FormEvent } from "react";
import { HiddenInputErrors } from "@/components/contributions/hidden-input-errors";
import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import { receiptLabels, receipts, SCAN_ACCEPT, SCAN_MAX_BYTES, SCAN_TOO_BIG } from "@/lib/paper-contribution";
import { paperContributionSchema, WRITTEN_AUTHOR_NAME_MAX } from "@/lib/validation/contribution";
import { TextFields } from "@/app/espace/conseils/[slug]/contributions/nouvelle/contribution-form";
import { recordPaperAction } from "./actions";

type Kind = "feedback" | "proposal";

const radioClass = "h-6 w-6 shrink-0 accent-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800";

/**
 * The recording of a contribution received on paper, by mail or in a meeting: the council, the
 * fiche, the text as the council's form has it, then where it came from and, if any, the scan.
 * The kind and the request id are hidden inputs: it posts without JavaScript too. A file cannot
 * be given back after a refusal: the hint says to choose it again.
 */
export function PaperContributionForm({
  kind,
  councils,
  actions,
  today,
  clientRequestId,
}: {
  kind: Kind;
  councils: { id: number; name: string }[];
  actions: { slug: string; title: string }[];
  today: string;
  clientRequestId: string;
}) {
  const common = { councilId: "", actionSlug: "", body: "", receivedOn: today, writtenAuthorName: "", clientRequestId };
  const { field, radio, error, state, pending, formAction, formProps } = useFormAction({
    action: recordPaperAction,
    schema: paperContributionSchema,
    defaultValues: kind === "feedback" ? { kind, ...common } : { kind, title: "", ...common },
  });
  // The size is checked before sending (with JavaScript): a file over the limit is not uploaded for nothing.
  const [tooBig, setTooBig] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("scan");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file && file.size > SCAN_MAX_BYTES) {
      event.preventDefault();
      setTooBig(true);
      if (input instanceof HTMLInputElement) input.focus();
      return;
    }
    setTooBig(false);
    formProps.onSubmit(event);
  };
  const councilError = error("councilId");
  const ficheError = error("actionSlug");
  const viaError = error("receivedVia");
  const dayError = error("receivedOn");
  const nameError = error("writtenAuthorName");
  const scanError = tooBig ? SCAN_TOO_BIG : error("scan");
  const nameHint = `Tel qu'il est écrit sur le papier, si l'auteur l'a donné (${WRITTEN_AUTHOR_NAME_MAX} caractères au plus). Il sera public avec la contribution ; laissez vide sinon : le conseil seul signe.`;
  const scanHint =
    "Facultatif. PDF, PNG ou JPEG, 5 Mo au plus. Réservé au personnel de la Ville : jamais public. Après une erreur, choisissez le fichier à nouveau.";

  return (
    <form
      action={formAction}
      {...formProps}
      onSubmit={onSubmit}
      className="flex max-w-2xl flex-col gap-6"
      aria-label={kind === "feedback" ? "Saisir un avis reçu hors du site" : "Saisir une proposition reçue hors du site"}
    >
      <FormStatus state={state} returnTo={`/moderation/papier?type=${kind === "feedback" ? "avis" : "proposition"}`} />
      <HiddenInputErrors messages={[error("kind"), error("clientRequestId")]} />
      <input type="hidden" {...field("kind")} />
      <input type="hidden" {...field("clientRequestId")} />
      <Field id="papier-conseil" label="Conseil au nom duquel la contribution a été remise" error={councilError}>
        <select id="papier-conseil" className={inputClass} {...describedBy("papier-conseil", null, councilError)} {...field("councilId")}>
          <option value="">Choisissez un conseil</option>
          {councils.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="papier-fiche" label="Fiche action concernée" error={ficheError}>
        <select id="papier-fiche" className={inputClass} {...describedBy("papier-fiche", null, ficheError)} {...field("actionSlug")}>
          <option value="">Choisissez une fiche action</option>
          {actions.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.title}
            </option>
          ))}
        </select>
      </Field>
      <TextFields kind={kind} field={field} radio={radio} error={error} />
      <fieldset className="flex flex-col gap-2" aria-describedby={viaError ? "papier-provenance-erreur" : undefined}>
        <legend className="mb-1 font-semibold text-slate-900">Comment la contribution est arrivée</legend>
        {receipts.map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-3 py-1">
            <input type="radio" className={radioClass} {...radio("receivedVia", value)} />
            <span>{receiptLabels[value]}</span>
          </label>
        ))}
        {viaError ? (
          <p id="papier-provenance-erreur" className="text-sm font-semibold text-red-800">
            <span aria-hidden="true">⚠ </span>
            {viaError}
          </p>
        ) : null}
      </fieldset>
      <Field id="papier-date" label="Date de réception" error={dayError}>
        <input
          id="papier-date"
          type="date"
          max={today}
          className={inputClass}
          {...describedBy("papier-date", null, dayError)}
          {...field("receivedOn")}
        />
      </Field>
      <Field id="papier-auteur" label="Nom de l'auteur (facultatif)" hint={nameHint} error={nameError}>
        <input
          id="papier-auteur"
          type="text"
          className={inputClass}
          autoComplete="off"
          {...describedBy("papier-auteur", nameHint, nameError)}
          {...field("writtenAuthorName")}
        />
      </Field>
      <Field id="papier-scan" label="Scan du papier (facultatif)" hint={scanHint} error={scanError}>
        <input
          id="papier-scan"
          type="file"
          name="scan"
          accept={SCAN_ACCEPT}
          className={inputClass}
          onChange={() => setTooBig(false)}
          {...describedBy("papier-scan", scanHint, scanError)}
        />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer et placer en modération"}
        </button>
      </div>
    </form>
  );
}
