"use client";

import { useRef } from "react";
import { inputClass } from "@/components/form/field";

export interface TemplateOption {
  id: number;
  label: string;
  body: string;
}

/**
 * A reason: an optional template and free text. Without JavaScript the server puts the template's
 * text before the free text; with JavaScript, choosing a template copies its text into the field,
 * where it can be changed (the server then does not add it twice).
 */
export function ReasonWithTemplate({
  idPrefix,
  label,
  templates,
  defaultReason = "",
  defaultTemplateId = "",
  error,
  required = true,
}: {
  idPrefix: string;
  label: string;
  templates: TemplateOption[];
  defaultReason?: string;
  defaultTemplateId?: string;
  error?: string;
  required?: boolean;
}) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const reasonId = `${idPrefix}-raison`;
  const selectId = `${idPrefix}-motif`;
  const hintId = `${selectId}-aide`;
  const errorId = `${reasonId}-erreur`;

  const onTemplate = (value: string) => {
    const chosen = templates.find((t) => String(t.id) === value);
    const area = textRef.current;
    if (!chosen || !area) return;
    const previous = templates.find((t) => area.value.startsWith(t.body));
    const rest = previous ? area.value.slice(previous.body.length).trimStart() : area.value.trim();
    area.value = rest ? `${chosen.body}\n\n${rest}` : chosen.body;
  };

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
          <select id={selectId} name="templateId" defaultValue={defaultTemplateId} className={inputClass} aria-describedby={hintId} onChange={(e) => onTemplate(e.target.value)}>
            <option value="">Aucun motif type</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <label htmlFor={reasonId} className="font-semibold text-slate-900">
        {label}
      </label>
      <textarea
        ref={textRef}
        id={reasonId}
        name="reason"
        rows={3}
        className={inputClass}
        defaultValue={defaultReason}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <p id={errorId} className="text-sm font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
