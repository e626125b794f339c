"use client";

import { useRef } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, inputClass } from "@/components/form/field";

export interface TemplateOption {
  id: number;
  label: string;
  body: string;
}

/** What `field(name)` of useFormAction gives: the registration and the value written in the HTML. */
type FieldProps = UseFormRegisterReturn & { defaultValue?: string };

/**
 * A reason: an optional template and free text, two fields of the form (`templateId`, `reason`).
 * Without JavaScript the server puts the template's text before the free text; with JavaScript,
 * choosing a template copies its text into the field (`setReason`), where it can be changed (the
 * server then does not add it twice).
 */
export function ReasonWithTemplate({
  idPrefix,
  label,
  templates,
  reasonField,
  templateField,
  setReason,
  error,
  templateError,
  required = true,
}: {
  idPrefix: string;
  label: string;
  templates: TemplateOption[];
  reasonField: FieldProps;
  templateField: FieldProps;
  /** Writes the reason (react-hook-form's `setValue`, so its value and the field's agree). */
  setReason: (text: string) => void;
  error?: string;
  templateError?: string;
  required?: boolean;
}) {
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const reasonId = `${idPrefix}-raison`;
  const selectId = `${idPrefix}-motif`;
  const hintId = `${selectId}-aide`;
  const templateErrorId = `${selectId}-erreur`;

  const onTemplate = (value: string) => {
    const chosen = templates.find((t) => String(t.id) === value);
    const current = textRef.current?.value ?? "";
    if (!chosen) return;
    const previous = templates.find((t) => current.startsWith(t.body));
    const rest = previous ? current.slice(previous.body.length).trimStart() : current.trim();
    setReason(rest ? `${chosen.body}\n\n${rest}` : chosen.body);
  };

  const { ref: registerReason, ...reason } = reasonField;
  const { onChange: onTemplateChange, ...template } = templateField;

  return (
    <div className="flex flex-col gap-2">
      {templates.length > 0 ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="font-semibold text-slate-900">
            Motif type (facultatif)
          </label>
          <p id={hintId} className="text-sm text-slate-700">
            Le texte du motif est placé en tête de la raison ; vous pouvez le compléter ci-dessous.
          </p>
          <select
            id={selectId}
            className={inputClass}
            aria-describedby={templateError ? `${hintId} ${templateErrorId}` : hintId}
            aria-invalid={templateError ? true : undefined}
            {...template}
            onChange={(event) => {
              void onTemplateChange(event);
              onTemplate(event.target.value);
            }}
          >
            <option value="">Aucun motif type</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
          {templateError ? (
            <p id={templateErrorId} className="text-sm font-semibold text-red-800">
              <span aria-hidden="true">⚠ </span>
              {templateError}
            </p>
          ) : null}
        </div>
      ) : null}
      <label htmlFor={reasonId} className="font-semibold text-slate-900">
        {label}
      </label>
      <textarea
        id={reasonId}
        rows={3}
        className={inputClass}
        aria-required={required || undefined}
        {...describedBy(reasonId, null, error)}
        {...reason}
        ref={(element) => {
          textRef.current = element;
          registerReason(element);
        }}
      />
      {error ? (
        <p id={`${reasonId}-erreur`} className="text-sm font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
