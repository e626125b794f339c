"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { callAction, showServerFieldErrors } from "@/components/admin/form-helpers";
import { buttonClass, describedBy, Field, FormMessage, inputClass, secondaryButtonClass } from "@/components/form/field";
import type { ActionResult } from "@/lib/action-result";
import { MAX_AGENDA_ITEMS, meetingSchema } from "@/lib/validation/meeting";

type Input = z.input<typeof meetingSchema>;
type Output = z.output<typeof meetingSchema>;

export interface AgendaChoice {
  slug: string;
  number: number;
  title: string;
  actions: { slug: string; title: string }[];
}

const smallButton =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-slate-600 bg-white px-3 font-semibold text-slate-900 hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-50";

const emptyItem = { ref: "", label: "", notes: "" };

/**
 * Create or edit a meeting: title, date and time (Aurillac time), place, and the agenda — an
 * ordered list of themes, fiches or free labels, each with optional presenter's notes. The agenda
 * editor is plain buttons (add, move up, move down, remove), each named with its item's number;
 * the focus follows the moved item and each change is announced. Same checks as the server.
 */
export function MeetingForm({
  mode,
  meetingId,
  defaults,
  choices,
  action,
}: {
  mode: "create" | "edit";
  meetingId?: number;
  defaults: Input;
  choices: AgendaChoice[];
  action: (input: Output & { meetingId?: number }) => Promise<ActionResult<{ slug?: string; changed?: boolean }>>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; n: number } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(meetingSchema), defaultValues: defaults });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "agenda" });
  const { errors, isSubmitting } = form.formState;
  const prefix = mode === "create" ? "nouvelle-reunion" : "reunion";
  const id = (name: string) => `${prefix}-${name}`;
  const focusLater = (elementId: string) => window.requestAnimationFrame(() => document.getElementById(elementId)?.focus());

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(() => action(mode === "edit" ? { ...values, meetingId } : values));
    const n = (message?.n ?? 0) + 1;
    if (result.ok) {
      if (mode === "create" && result.data.slug) {
        router.push(`/espace/reunions/${result.data.slug}?cree=1`);
        return;
      }
      form.reset(form.getValues());
      setMessage({ kind: "success", text: result.message ?? "Enregistré.", n });
      return;
    }
    showServerFieldErrors(form, result);
    setMessage({ kind: "error", text: result.message, n });
  });

  const moveItem = (from: number, to: number, which: "monter" | "descendre") => {
    move(from, to);
    setAnnouncement(`Point ${from + 1} déplacé en position ${to + 1}.`);
    const stillPossible = which === "monter" ? to > 0 : to < fields.length - 1;
    focusLater(id(`point-${to}-${stillPossible ? which : which === "monter" ? "descendre" : "monter"}`));
  };
  const removeItem = (index: number) => {
    remove(index);
    setAnnouncement(`Point ${index + 1} retiré de l'ordre du jour.`);
    focusLater(fields.length > 1 ? id(`point-${Math.min(index, fields.length - 2)}-contenu`) : id("ajouter"));
  };
  const addItem = () => {
    append(emptyItem, { shouldFocus: false });
    setAnnouncement(`Point ${fields.length + 1} ajouté à la fin de l'ordre du jour.`);
    focusLater(id(`point-${fields.length}-contenu`));
  };

  const agendaError = errors.agenda?.message ?? errors.agenda?.root?.message;
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label={mode === "create" ? "Nouvelle réunion" : "Modifier la réunion"}>
      {message ? (
        <div key={message.n}>
          <FormMessage kind={message.kind}>{message.text}</FormMessage>
        </div>
      ) : null}

      <Field id={id("titre")} label="Titre" error={errors.title?.message}>
        <input id={id("titre")} type="text" className={inputClass} {...describedBy(id("titre"), null, errors.title?.message)} {...form.register("title")} />
      </Field>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field id={id("date")} label="Date" hint="Par exemple 2026-12-17." error={errors.date?.message}>
          <input id={id("date")} type="date" className={inputClass} {...describedBy(id("date"), true, errors.date?.message)} {...form.register("date")} />
        </Field>
        <Field id={id("heure")} label="Heure de début (heure d'Aurillac)" hint="Par exemple 18:30." error={errors.time?.message}>
          <input id={id("heure")} type="time" className={inputClass} {...describedBy(id("heure"), true, errors.time?.message)} {...form.register("time")} />
        </Field>
      </div>
      <Field id={id("lieu")} label="Lieu" hint="Salle et adresse." error={errors.place?.message}>
        <input id={id("lieu")} type="text" className={inputClass} {...describedBy(id("lieu"), true, errors.place?.message)} {...form.register("place")} />
      </Field>

      <fieldset className="min-w-0 rounded-lg border-2 border-slate-300 p-4">
        <legend className="px-1 text-xl font-bold">Ordre du jour</legend>
        <p className="text-base text-slate-800">
          Chaque point devient une diapositive : une thématique montre ses fiches, une fiche montre son avancement et les propositions des conseils.
          Les notes ne sont visibles que dans la vue présentateur, jamais publiées.
        </p>
        {agendaError ? (
          <p className="mt-2 text-sm font-semibold text-red-800" role="alert">
            <span aria-hidden="true">⚠ </span>
            {agendaError}
          </p>
        ) : null}
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
        {fields.length === 0 ? <p className="mt-4">Aucun point pour l&apos;instant.</p> : null}
        <ol className="mt-4 space-y-4">
          {fields.map((field, index) => {
            const itemErrors = errors.agenda?.[index];
            const f = (name: string) => id(`point-${index}-${name}`);
            return (
              <li key={field.id}>
                <fieldset className="min-w-0 rounded-md border border-slate-400 p-3">
                  <legend className="px-1 font-bold">Point {index + 1}</legend>
                  <div className="flex flex-col gap-4">
                    <Field id={f("contenu")} label="Contenu" error={itemErrors?.ref?.message}>
                      <select id={f("contenu")} className={`${inputClass} min-w-0`} {...describedBy(f("contenu"), null, itemErrors?.ref?.message)} {...form.register(`agenda.${index}.ref`)}>
                        <option value="">Intitulé libre (ouverture, questions de la salle…)</option>
                        {choices.map((theme) => (
                          <optgroup key={theme.slug} label={`Thématique ${theme.number}`}>
                            <option value={`theme:${theme.slug}`}>
                              Thématique {theme.number} : {theme.title}
                            </option>
                            {theme.actions.map((a) => (
                              <option key={a.slug} value={`action:${a.slug}`}>
                                Fiche : {a.title}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                      </select>
                    </Field>
                    <Field
                      id={f("intitule")}
                      label="Intitulé"
                      hint="Facultatif pour une thématique ou une fiche : son titre est repris."
                      error={itemErrors?.label?.message}
                    >
                      <input id={f("intitule")} type="text" className={inputClass} {...describedBy(f("intitule"), true, itemErrors?.label?.message)} {...form.register(`agenda.${index}.label`)} />
                    </Field>
                    <Field id={f("notes")} label="Notes pour la personne qui présente (facultatif, jamais publiées)" error={itemErrors?.notes?.message}>
                      <textarea id={f("notes")} rows={3} className={inputClass} {...describedBy(f("notes"), null, itemErrors?.notes?.message)} {...form.register(`agenda.${index}.notes`)} />
                    </Field>
                    <div className="flex flex-wrap gap-2">
                      <button type="button" id={f("monter")} className={smallButton} disabled={index === 0} onClick={() => moveItem(index, index - 1, "monter")}>
                        Monter<span className="sr-only"> le point {index + 1}</span>
                      </button>
                      <button
                        type="button"
                        id={f("descendre")}
                        className={smallButton}
                        disabled={index === fields.length - 1}
                        onClick={() => moveItem(index, index + 1, "descendre")}
                      >
                        Descendre<span className="sr-only"> le point {index + 1}</span>
                      </button>
                      <button type="button" className={smallButton} onClick={() => removeItem(index)}>
                        Retirer<span className="sr-only"> le point {index + 1}</span>
                      </button>
                    </div>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" id={id("ajouter")} className={`${secondaryButtonClass} mt-4`} onClick={addItem} disabled={fields.length >= MAX_AGENDA_ITEMS}>
          Ajouter un point à l&apos;ordre du jour
        </button>
      </fieldset>

      <div>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : mode === "create" ? "Créer la réunion" : "Enregistrer la réunion"}
        </button>
      </div>
    </form>
  );
}
