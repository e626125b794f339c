/*
 * A form's fields as an object, the way react-hook-form names them: `title` → { title },
 * `agenda.0.label` → { agenda: [{ label }] }, a name sent several times (checkboxes) → an array.
 * The same object feeds the shared zod schema on the server whether the browser posted the form
 * itself (no JavaScript yet) or through React.
 */

export type FormValue = string | FormValues | FormValue[];
export interface FormValues {
  [key: string]: FormValue;
}

/** Names a browser or React adds that are not the form's own fields. */
const isFrameworkField = (name: string) => name.startsWith("$ACTION") || name === "";

/** Beyond these, a form is not a form of this app: the rest is ignored, never parsed. */
const MAX_FIELDS = 500;
const MAX_DEPTH = 4;
const MAX_INDEX = 199;

export function formDataToObject(formData: FormData): FormValues {
  const out: FormValues = {};
  let count = 0;
  for (const [name, value] of formData.entries()) {
    if (isFrameworkField(name) || typeof value !== "string") continue;
    if (++count > MAX_FIELDS) break;
    const path = name.split(".");
    if (
      path.length > MAX_DEPTH ||
      path.some((part) => part === "" || part === "__proto__" || part === "constructor" || part === "prototype")
    )
      continue;
    if (path.some((part, i) => i > 0 && /^\d+$/.test(part) && Number(part) > MAX_INDEX)) continue;
    setPath(out, path, value);
  }
  return out;
}

function setPath(target: FormValues | FormValue[], path: string[], value: string) {
  const [head, ...rest] = path as [string, ...string[]];
  const container = target as Record<string, FormValue>;
  if (rest.length === 0) {
    const existing = container[head];
    if (existing === undefined) container[head] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else if (typeof existing === "string") container[head] = [existing, value];
    return;
  }
  const nextIsIndex = /^\d+$/.test(rest[0]!);
  let child = container[head];
  if (child === undefined || typeof child === "string") {
    child = nextIsIndex ? [] : {};
    container[head] = child;
  }
  if (Array.isArray(child) !== nextIsIndex) return; // `a.0` and `a.b` together: not a form of ours.
  setPath(child as FormValues | FormValue[], rest, value);
}

/**
 * The values to put back in a form after a refusal, without the secret ones (passwords are
 * never sent back to the browser).
 */
export function keptValues(values: FormValues, secret: readonly string[] = []): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(values)) if (!secret.includes(key)) out[key] = value;
  return out;
}
