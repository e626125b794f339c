"use client";

import { useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";
import { describedBy, Field, inputClass } from "./field";
import { ShowPassword } from "./show-password";

const hint = `Au moins ${PASSWORD_MIN_LENGTH} caractères, sans autre obligation. Une phrase de quelques mots est facile à retenir et difficile à deviner. Les mots de passe trop courants sont refusés.`;

/** Choosing a password (invitation, reset): the rule in plain words, typed twice, one « show » box for both. */
export function NewPasswordFields({
  label,
  password,
  confirmation,
  errors,
}: {
  label: string;
  password: UseFormRegisterReturn<"password">;
  confirmation: UseFormRegisterReturn<"confirmation">;
  errors: { password?: string; confirmation?: string };
}) {
  const [shown, setShown] = useState(false);
  const common = {
    type: shown ? "text" : "password",
    autoComplete: "new-password",
    spellCheck: false,
    autoCapitalize: "none",
    className: inputClass,
  };
  return (
    <>
      <div className="flex flex-col gap-2">
        <Field id="password" label={label} hint={hint} error={errors.password}>
          <input id="password" {...common} {...describedBy("password", hint, errors.password)} {...password} />
        </Field>
        <ShowPassword id="afficher-mot-de-passe" checked={shown} onChange={setShown} />
      </div>
      <Field id="confirmation" label="Le même mot de passe, une seconde fois" error={errors.confirmation}>
        <input id="confirmation" {...common} {...describedBy("confirmation", null, errors.confirmation)} {...confirmation} />
      </Field>
    </>
  );
}
