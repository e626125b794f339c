"use client";

import { FormStatus } from "@/components/form/form-status";
import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { useFormAction } from "@/components/form/use-form-action";
import { accessibilityStatuses, accessibilityStatusLabels, CONTACT_ADDRESS_MAX } from "@/lib/city-identity";
import { legalPagesSchema, type LegalPagesData } from "@/lib/validation/settings";
import { updateLegalPagesAction } from "./actions";
import { PLAIN_TEXT_HINT } from "./plain-text-hint";

const ids = {
  legalNotice: "legal-mentions",
  accessibilityStatus: "legal-conformite",
  accessibilityAuditDate: "legal-audit",
  accessibilityDerogations: "legal-derogations",
  accessibilityContact: "legal-contact",
} as const;

/** What /mentions-legales and /accessibilite say, typed as plain text with links. */
export function LegalPagesForm({ current }: { current: LegalPagesData }) {
  const { field, state, pending, error, formAction, formProps } = useFormAction({
    action: updateLegalPagesAction,
    schema: legalPagesSchema,
    defaultValues: { ...current, accessibilityAuditDate: current.accessibilityAuditDate ?? "" },
  });
  const text = (name: "legalNotice" | "accessibilityDerogations" | "accessibilityContact", label: string, hint: string, rows: number) => {
    const message = error(name);
    return (
      <Field id={ids[name]} label={label} hint={hint} error={message}>
        <textarea rows={rows} id={ids[name]} className={inputClass} {...describedBy(ids[name], true, message)} {...field(name)} />
      </Field>
    );
  };
  const status = error("accessibilityStatus");
  const audit = error("accessibilityAuditDate");
  return (
    <form action={formAction} {...formProps} className="flex max-w-2xl flex-col gap-6" aria-label="Pages légales">
      <FormStatus state={state} returnTo="/admin/parametres" />
      {text(
        "legalNotice",
        "Mentions légales",
        `Éditeur, directeur ou directrice de la publication, hébergeur (nom, adresse, téléphone), conditions de réutilisation. ${PLAIN_TEXT_HINT}`,
        12,
      )}
      <Field
        id={ids.accessibilityStatus}
        label="État de conformité au RGAA"
        hint="« Non conforme » tant qu'aucun audit n'a été réalisé ; l'état est affiché en bas de chaque page."
        error={status}
      >
        <select
          id={ids.accessibilityStatus}
          className={`${inputClass} max-w-sm`}
          {...describedBy(ids.accessibilityStatus, true, status)}
          {...field("accessibilityStatus")}
        >
          {accessibilityStatuses.map((s) => (
            <option key={s} value={s}>
              {accessibilityStatusLabels[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={ids.accessibilityAuditDate}
        label="Date de l'audit de conformité"
        hint="Au format jj/mm/aaaa. Laissez vide tant qu'aucun audit n'a eu lieu."
        error={audit}
      >
        <input
          id={ids.accessibilityAuditDate}
          type="date"
          className={`${inputClass} max-w-xs`}
          {...describedBy(ids.accessibilityAuditDate, true, audit)}
          {...field("accessibilityAuditDate")}
        />
      </Field>
      {text(
        "accessibilityDerogations",
        "Contenus non accessibles et dérogations (facultatif)",
        `Ce que l'audit a relevé, et les contenus dérogés avec leur raison. ${PLAIN_TEXT_HINT}`,
        6,
      )}
      {text(
        "accessibilityContact",
        "Contact pour l'accessibilité",
        `Adresse électronique, formulaire ou adresse postale pour signaler un défaut ou demander un contenu sous une autre forme. ${CONTACT_ADDRESS_MAX} caractères au plus.`,
        3,
      )}
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les pages légales"}
        </button>
      </div>
    </form>
  );
}
