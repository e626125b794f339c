/**
 * The messages of a form's hidden inputs (ids, kind, request id): a stale or altered page. The
 * person cannot fix them in the form, only reload; each is said once, under the form's answer.
 */
export function HiddenInputErrors({ messages }: { messages: (string | undefined)[] }) {
  const shown = [...new Set(messages.filter((m): m is string => !!m))];
  return shown.length > 0 ? <p className="text-sm font-semibold text-red-800">{shown.join(" ")}</p> : null;
}
