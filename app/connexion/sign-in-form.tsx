"use client";

import { signIn } from "next-auth/react";
import { useLayoutEffect, useState } from "react";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { ShowPassword } from "@/components/form/show-password";
import { useFormAction } from "@/components/form/use-form-action";
import { fail, ok } from "@/lib/action-result";
import type { FormState } from "@/lib/form-state";
import { signInErrorMessage, signInSchema } from "@/lib/validation/auth";

const CREDENTIALS_ENDPOINT = "/api/auth/callback/credentials";

/** With JavaScript: the same endpoint through next-auth's client, so a refusal stays on this page. */
async function signInInBrowser(previous: FormState<null>, data: FormData): Promise<FormState<null>> {
  const n = previous.n + 1;
  const destination = String(data.get("callbackUrl") ?? "/espace");
  let error: string | null | undefined;
  try {
    const result = await signIn("credentials", {
      redirect: false,
      email: data.get("email"),
      password: data.get("password"),
      callbackUrl: destination,
    });
    error = result?.ok ? null : (result?.error ?? "UNKNOWN");
  } catch {
    error = "NETWORK";
  }
  if (error === null) {
    window.location.assign(destination);
    return { n, result: ok(null, "Connexion réussie : ouverture de votre espace…") };
  }
  return { n, result: fail("SIGN_IN_FAILED", signInErrorMessage(error)) };
}

/**
 * Email + password, posted to next-auth's credentials endpoint with its CSRF token: before
 * JavaScript runs (or without it) the browser posts the form itself — never a GET with the
 * password in the address — and next-auth answers with a redirect. With JavaScript, a refusal is
 * announced here (role=alert), the email stays, the password is emptied and gets the focus.
 * `destination` is already a path of this site (checked by the page, and again by next-auth).
 */
export function SignInForm({ destination, csrfToken, initialError }: { destination: string; csrfToken: string; initialError?: string }) {
  const [showPassword, setShowPassword] = useState(false);
  const { form, field, state, focusNow, pending, error, formAction, formProps } = useFormAction({
    action: signInInBrowser,
    endpoint: CREDENTIALS_ENDPOINT,
    schema: signInSchema,
    defaultValues: { email: "", password: "" },
  });
  const leaving = state.result?.ok === true;

  // In the commit that shows the refusal: a passive effect (and react-hook-form's setFocus, on a
  // timer) came a moment later, and could empty a password the person had begun typing again.
  useLayoutEffect(() => {
    if (state.result && !state.result.ok) {
      form.setValue("password", "");
      focusNow("password");
    }
    // Each new answer (state), once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, form]);

  return (
    <form
      action={formAction}
      {...formProps}
      className="flex flex-col gap-6"
      aria-describedby={state.result || initialError ? "connexion-erreur" : undefined}
    >
      <div id="connexion-erreur">
        {state.n === 0 && initialError ? <FormMessage kind="error">{initialError}</FormMessage> : <FormStatus state={state} />}
      </div>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={destination} />

      <Field id="email" label="Adresse électronique" error={error("email")}>
        <input
          id="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={254}
          className={inputClass}
          {...describedBy("email", null, error("email"))}
          {...field("email")}
        />
      </Field>

      <div className="flex flex-col gap-2">
        <Field id="password" label="Mot de passe" error={error("password")}>
          <input
            id="password"
            type={showPassword ? "text" : "password"}
            autoComplete="current-password"
            spellCheck={false}
            autoCapitalize="none"
            className={inputClass}
            {...describedBy("password", null, error("password"))}
            {...form.register("password")}
          />
        </Field>
        <ShowPassword id="afficher-mot-de-passe" checked={showPassword} onChange={setShowPassword} />
      </div>

      <div className="flex flex-col items-start gap-4 sm:flex-row sm:items-center sm:gap-6">
        <button type="submit" className={buttonClass} disabled={pending || leaving}>
          {pending || leaving ? "Connexion en cours…" : "Se connecter"}
        </button>
        <a
          href="/mot-de-passe-oublie"
          className="inline-flex min-h-11 items-center text-blue-800 underline decoration-1 underline-offset-4 hover:text-blue-950 hover:decoration-2"
        >
          Mot de passe oublié ?
        </a>
      </div>
    </form>
  );
}
