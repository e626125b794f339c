"use client";

import { FormStatus } from "@/components/form/form-status";
import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { useFormAction } from "@/components/form/use-form-action";
import type { FormAction } from "@/server/form-action";

const FILE_ID = "plan-fichier";

/**
 * The import of a plan file: one file field, sent as multipart (it posts before hydration and
 * without JavaScript too). The server reads and checks the file; when it refuses it, every problem
 * comes back listed under the field with its place in the file (« fiches[3].titre : … »).
 */
export function ImportPlanForm<T>({ action }: { action: FormAction<T> }) {
  // No schema in the browser: the field holds a FileList there, and the server checks the file anyway.
  const upload = useFormAction({ action });
  const message = upload.error("file");
  const result = upload.state.result;
  // The whole list while it is the server's latest answer (choosing another file hides it).
  const problems = message && result && !result.ok ? (result.fieldErrors?.file ?? []) : [];
  return (
    <form action={upload.formAction} {...upload.formProps} className="flex max-w-2xl flex-col gap-4" aria-label="Importer un plan">
      <FormStatus state={upload.state} returnTo="/admin/plan/importer" />
      <Field
        id={FILE_ID}
        label="Fichier du plan (.json)"
        hint="Un fichier exporté par la plateforme, ou écrit au même format (voir ci-dessous). 5 Mo au plus."
        error={problems.length > 1 ? `${problems.length} problèmes dans le fichier, listés ci-dessous.` : message}
      >
        <input
          id={FILE_ID}
          type="file"
          accept="application/json,.json"
          className={inputClass}
          {...describedBy(FILE_ID, true, message)}
          {...upload.form.register("file")}
        />
      </Field>
      {problems.length > 1 ? (
        <ul
          id={`${FILE_ID}-problemes`}
          className="list-disc rounded-md border-2 border-red-800 bg-red-50 py-3 pr-3 pl-8 font-mono text-sm text-red-900"
        >
          {problems.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : null}
      <div>
        <button type="submit" className={buttonClass} disabled={upload.pending}>
          {upload.pending ? "Import…" : "Importer le plan"}
        </button>
      </div>
    </form>
  );
}
