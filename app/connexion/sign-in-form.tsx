"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/form/field";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signInErrorMessage, signInSchema, type SignInInput } from "@/lib/validation/auth";
import { ShowPassword } from "@/components/form/show-password";

/**
 * Email + password through next-auth's credentials endpoint. On failure the French message is
 * announced (role=alert) and the email stays in its field; on success, a full page load of the
 * callback — only ever a page of this site.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(
    initialError ? { message: initialError, attempt: 0 } : null,
  );
  const [showPassword, setShowPassword] = useState(false);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const [leaving, setLeaving] = useState(false);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const destination = safeCallbackPath(callbackUrl, window.location.origin);
    let error: string | null | undefined;
    try {
      const result = await signIn("credentials", { redirect: false, email: values.email, password: values.password, callbackUrl: destination });
      error = result?.ok ? null : (result?.error ?? "UNKNOWN");
    } catch {
      error = "NETWORK";
    }
    if (error === null) {
      setLeaving(true);
      window.location.assign(destination);
      return;
    }
    setFailure((previous) => ({ message: signInErrorMessage(error), attempt: (previous?.attempt ?? 0) + 1 }));
    form.setValue("password", "");
    form.setFocus("password");
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-6"
      aria-describedby={failure ? "connexion-erreur" : undefined}
    >
      {failure ? (
        // A new key re-announces the message when the same error comes back.
        <div id="connexion-erreur" key={failure.attempt}>
          <FormMessage kind="error">{failure.message}</FormMessage>
        </div>
      ) : null}

      <Field id="email" label="Adresse électronique" error={errors.email?.message}>
        <input
          id="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          className={inputClass}
          {...describedBy("email", null, errors.email?.message)}
          {...form.register("email")}
        />
      </Field>

      <div className="flex flex-col gap-2">
        <Field id="password" label="Mot de passe" error={errors.password?.message}>
          <input
            id="password"
            type={showPassword ? "text" : "password"}
            autoComplete="current-password"
            spellCheck={false}
            autoCapitalize="none"
            className={inputClass}
            {...describedBy("password", null, errors.password?.message)}
            {...form.register("password")}
          />
        </Field>
        <ShowPassword id="afficher-mot-de-passe" checked={showPassword} onChange={setShowPassword} />
      </div>

      <div className="flex flex-col items-start gap-4 sm:flex-row sm:items-center sm:gap-6">
        <button type="submit" className={buttonClass} disabled={isSubmitting || leaving}>
          {isSubmitting || leaving ? "Connexion en cours…" : "Se connecter"}
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
