"use client";

import { signIn } from "next-auth/react";
import { useSyncExternalStore } from "react";
import { buttonClass, describedBy, Field, inputClass } from "@/components/form/field";
import { FormStatus } from "@/components/form/form-status";
import { NewPasswordFields } from "@/components/form/new-password-fields";
import { useFormAction } from "@/components/form/use-form-action";
import { acceptInvitationFormSchema } from "@/lib/validation/council";
import { acceptInvitationAction } from "./actions";

const nameHint =
  "Le nom que les autres membres verront, par exemple « Marie D. ». Il n'apparaît sur la page publique du conseil que si vous le choisissez.";

const noop = () => () => {};
/** False on the server and while hydrating, true once this page's JavaScript runs. */
const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

/**
 * The invited person chooses a display name and a password. Errors appear next to each field (and
 * what was typed stays). On success, the browser signs them in at once with the password just
 * typed and takes them to their space; a form posted before the page's JavaScript ran goes on to
 * the sign-in page instead (the server never keeps the password to sign anyone in).
 */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const hydrated = useHydrated();
  const { form, field, state, pending, error, formAction, formProps } = useFormAction({
    action: acceptInvitationAction,
    schema: acceptInvitationFormSchema,
    defaultValues: { displayName: "", password: "", confirmation: "" },
    onSuccess: (_state, form) => {
      void signIn("credentials", { redirect: false, email, password: form.getValues("password") })
        .catch(() => null)
        .then((signedIn) => {
          // The account exists either way; only the automatic sign-in may have failed.
          window.location.assign(signedIn?.ok ? "/espace?bienvenue=1" : `/connexion?callbackUrl=${encodeURIComponent("/espace")}`);
        });
    },
  });
  const leaving = state.result?.ok === true;
  const accountExists = state.result?.ok === false && state.result.code === "CONFLICT";
  const nameError = error("displayName");

  return (
    <form action={formAction} {...formProps} className="flex flex-col gap-6" aria-label="Créer mon compte">
      <FormStatus state={state} />
      {accountExists ? (
        <p>
          <a
            href={`/connexion?callbackUrl=${encodeURIComponent(`/invitation/${token}`)}`}
            className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-4 hover:decoration-2"
          >
            Se connecter
          </a>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="signIn" value={hydrated ? "browser" : "page"} />

      <Field id="displayName" label="Votre nom, tel que les autres le verront" hint={nameHint} error={nameError}>
        <input
          id="displayName"
          type="text"
          autoComplete="name"
          className={inputClass}
          {...describedBy("displayName", nameHint, nameError)}
          {...field("displayName")}
        />
      </Field>

      <NewPasswordFields
        label="Choisissez un mot de passe"
        password={form.register("password")}
        confirmation={form.register("confirmation")}
        errors={{ password: error("password"), confirmation: error("confirmation") }}
      />

      <div>
        <button type="submit" className={buttonClass} disabled={pending || leaving}>
          {pending || leaving ? "Création du compte…" : "Créer mon compte et rejoindre"}
        </button>
      </div>
    </form>
  );
}
