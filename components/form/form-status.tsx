import type { FormState } from "@/lib/form-state";
import { FormMessage } from "./field";

/**
 * The answer to a form's last submission, announced when it appears (a new `n` announces the
 * same message again). A session that expired says how to sign in again and come back here.
 */
export function FormStatus({
  state,
  errorsOnly = false,
  returnTo,
}: {
  state: FormState<unknown>;
  /** Success is shown elsewhere (the page the form leads to). */
  errorsOnly?: boolean;
  /** The page to come back to after signing in again. */
  returnTo?: string;
}) {
  const result = state.result;
  if (!result || (errorsOnly && result.ok)) return null;
  if (result.ok && !result.message) return null;
  return (
    <div key={state.n}>
      <FormMessage kind={result.ok ? "success" : "error"}>
        {result.message}
        {!result.ok && result.code === "UNAUTHENTICATED" && returnTo ? (
          <>
            {" "}
            <a className="underline" href={`/connexion?callbackUrl=${encodeURIComponent(returnTo)}`}>
              Se reconnecter
            </a>
          </>
        ) : null}
      </FormMessage>
    </div>
  );
}
