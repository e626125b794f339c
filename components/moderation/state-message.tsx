import { FormMessage } from "@/components/form/field";

/** The outcome of a form's last submission (useActionState), announced when it appears; `key` re-announces a repeat. */
export function StateMessage({ state, errorsOnly = false }: { state: { ok: boolean; message: string; n: number } | null | undefined; errorsOnly?: boolean }) {
  if (!state || (errorsOnly && state.ok)) return null;
  return (
    <div key={state.n}>
      <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>
    </div>
  );
}
