"use client";

import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { buttonClass, describedBy, Field, inputClass, secondaryButtonClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { useFormAction } from "@/components/form/use-form-action";
import type { FormState } from "@/lib/form-state";
import { MAX_AGENDA_ITEMS, meetingSchema, type MeetingInput } from "@/lib/validation/meeting";

export interface AgendaChoice {
  slug: string;
  number: number;
  title: string;
  actions: { slug: string; title: string }[];
}

const smallButton =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-slate-600 bg-white px-3 font-semibold text-slate-900 hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-50";

const emptyItem = { ref: "", label: "", notes: "" };
const asText = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * Create or edit a meeting: title, date and time (Paris time, the City's), place, and the agenda — an
 * ordered list of themes, fiches or free labels, each with optional presenter's notes. The agenda
 * editor is plain buttons (add, move up, move down, remove), each named with its item's number;
 * the focus follows the moved item and each change is announced. The items' fields are named
 * `agenda.0.ref`, `agenda.0.label`…: the form posts them as they are (also before JavaScript
 * runs), and the server reads them back as a list. Same checks as the server.
 */
export function MeetingForm<T>({
  mode,
  meetingId,
  defaults,
  choices,
  action,
  returnTo,
}: {
  mode: "create" | "edit";
  meetingId?: number;
  defaults: MeetingInput;
  choices: AgendaChoice[];
  action: (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;
  /** This page, to come back to after signing in again. */
  returnTo: string;
}) {
  const [announcement, setAnnouncement] = useState("");
  const { form, field, state, pending, error, formAction, formProps } = useFormAction({
    action,
    schema: meetingSchema,
    defaultValues: defaults,
  });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "agenda" });
  const prefix = mode === "create" ? "nouvelle-reunion" : "reunion";
  const id = (name: string) => `${prefix}-${name}`;
  const focusLater = (elementId: string) => window.requestAnimationFrame(() => document.getElementById(elementId)?.focus());

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

  const agendaError = error("agenda") ?? error("agenda.root");
  return (
    <form
      action={formAction}
      {...formProps}
      className="flex flex-col gap-6"
      aria-label={mode === "create" ? "Nouvelle réunion" : "Modifier la réunion"}
    >
      <FormStatus state={state} returnTo={returnTo} />
      {meetingId !== undefined ? <input type="hidden" name="meetingId" value={meetingId} /> : null}

      <Field id={id("titre")} label="Titre" error={error("title")}>
        <input
          id={id("titre")}
          type="text"
          className={inputClass}
          {...describedBy(id("titre"), null, error("title"))}
          {...field("title")}
        />
      </Field>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field id={id("date")} label="Date" hint="Par exemple 2026-12-17." error={error("date")}>
          <input id={id("date")} type="date" className={inputClass} {...describedBy(id("date"), true, error("date"))} {...field("date")} />
        </Field>
        <Field id={id("heure")} label="Heure de début (heure de Paris)" hint="Par exemple 18:30." error={error("time")}>
          <input
            id={id("heure")}
            type="time"
            className={inputClass}
            {...describedBy(id("heure"), true, error("time"))}
            {...field("time")}
          />
        </Field>
      </div>
      <Field id={id("lieu")} label="Lieu" hint="Salle et adresse." error={error("place")}>
        <input id={id("lieu")} type="text" className={inputClass} {...describedBy(id("lieu"), true, error("place"))} {...field("place")} />
      </Field>

      <fieldset className="min-w-0 rounded-lg border-2 border-slate-300 p-4">
        <legend className="px-1 text-xl font-bold">Ordre du jour</legend>
        <p className="text-base text-slate-800">
          Chaque point devient une diapositive : une thématique montre ses fiches, une fiche montre son avancement et les propositions des
          conseils. Les notes ne sont visibles que dans la vue présentateur, jamais publiées.
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
        <noscript>
          <p className="mt-2">
            Pour ajouter, déplacer ou retirer des points, activez JavaScript ; le reste du formulaire s&apos;enregistre sans.
          </p>
        </noscript>
        {fields.length === 0 ? <p className="mt-4">Aucun point pour l&apos;instant.</p> : null}
        <ol className="mt-4 space-y-4">
          {fields.map((item, index) => {
            const f = (name: string) => id(`point-${index}-${name}`);
            // Each item keeps its own first values as it moves (keyed by its id): the HTML holds them before hydration.
            const itemField = (name: "ref" | "label" | "notes") => ({
              ...form.register(`agenda.${index}.${name}`),
              defaultValue: asText(item[name]),
            });
            const itemError = (name: "ref" | "label" | "notes") => error(`agenda.${index}.${name}`);
            return (
              <li key={item.id}>
                <fieldset className="min-w-0 rounded-md border border-slate-400 p-3">
                  <legend className="px-1 font-bold">Point {index + 1}</legend>
                  <div className="flex flex-col gap-4">
                    <Field id={f("contenu")} label="Contenu" error={itemError("ref")}>
                      <select
                        id={f("contenu")}
                        className={`${inputClass} min-w-0`}
                        {...describedBy(f("contenu"), null, itemError("ref"))}
                        {...itemField("ref")}
                      >
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
                      error={itemError("label")}
                    >
                      <input
                        id={f("intitule")}
                        type="text"
                        className={inputClass}
                        {...describedBy(f("intitule"), true, itemError("label"))}
                        {...itemField("label")}
                      />
                    </Field>
                    <Field
                      id={f("notes")}
                      label="Notes pour la personne qui présente (facultatif, jamais publiées)"
                      error={itemError("notes")}
                    >
                      <textarea
                        id={f("notes")}
                        rows={3}
                        className={inputClass}
                        {...describedBy(f("notes"), null, itemError("notes"))}
                        {...itemField("notes")}
                      />
                    </Field>
                    <div className="flex flex-wrap gap-2">
                      <button
                        type="button"
                        id={f("monter")}
                        className={smallButton}
                        disabled={index === 0}
                        onClick={() => moveItem(index, index - 1, "monter")}
                      >
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
        <button
          type="button"
          id={id("ajouter")}
          className={`${secondaryButtonClass} mt-4`}
          onClick={addItem}
          disabled={fields.length >= MAX_AGENDA_ITEMS}
        >
          Ajouter un point à l&apos;ordre du jour
        </button>
      </fieldset>

      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Enregistrement…" : mode === "create" ? "Créer la réunion" : "Enregistrer la réunion"}
        </button>
      </div>
    </form>
  );
}
