"use client";

import { useActionState } from "react";
import type { FreezeState } from "@/app/presentation/actions";

const idle: FreezeState = { kind: "idle", message: "" };

/**
 * « Figer les données » and « Revenir aux données en direct »: one form posted to a server
 * action (it works without JavaScript); the result is announced (status or alert).
 */
export function FreezeControls({
  meetingId,
  canFreeze,
  canUnfreeze,
  frozen,
  action,
  buttonClass,
}: {
  meetingId: number;
  canFreeze: boolean;
  canUnfreeze: boolean;
  frozen: boolean;
  action: (previous: FreezeState, formData: FormData) => Promise<FreezeState>;
  buttonClass: string;
}) {
  const [state, formAction, pending] = useActionState<FreezeState, FormData>(action, idle);
  if (!canFreeze && !canUnfreeze) return null;
  return (
    <form action={formAction} className="contents">
      <input type="hidden" name="meetingId" value={meetingId} />
      {canFreeze ? (
        <button type="submit" name="intent" value="freeze" className={buttonClass} disabled={pending}>
          {frozen ? "Figer à nouveau les données" : "Figer les données"}
        </button>
      ) : null}
      {canUnfreeze ? (
        <button type="submit" name="intent" value="unfreeze" className={buttonClass} disabled={pending}>
          Revenir aux données en direct
        </button>
      ) : null}
      <span role={state.kind === "error" ? "alert" : "status"} className={state.kind === "idle" ? "sr-only" : "font-semibold"}>
        {pending ? "Enregistrement…" : state.message}
      </span>
    </form>
  );
}
