"use client";

import { useEffect } from "react";

/*
 * The text of a contribution form is kept in this browser while it is typed (a session that
 * expired, a closed tab, a lost connection: come back, the text is still here), until it is saved.
 *
 * A successful save redirects on the server to the council's list (`?enregistre=<id>` or
 * `?modifie=<id>`), so the form never learns it succeeded: the list forgets the kept text. It
 * does so only when the kept text is the one saved — that address may be reloaded or reached
 * with « back » later, after new text was typed in the form, and that text must not be lost.
 */

export type KeptTextOf = { councilSlug: string; kind: "feedback" | "proposal" } | { editedId: number };

export const keptTextKey = (of: KeptTextOf) =>
  "editedId" in of ? `contribution-modifiee:${of.editedId}` : `contribution-en-cours:${of.councilSlug}:${of.kind}`;

export interface KeptText {
  body?: string;
  title?: string;
  position?: string;
  actionSlug?: string;
}

export function readKeptText(key: string): KeptText | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null") as KeptText | null;
  } catch {
    return null; // Storage refused (private mode) or damaged: nothing kept.
  }
}

export function keepText(key: string, text: KeptText) {
  try {
    localStorage.setItem(key, JSON.stringify(text));
  } catch {}
}

/** Form posts turn line breaks into CRLF; the server trims. */
const same = (a: string, b: string) => a.replace(/\r\n/g, "\n").trim() === b.replace(/\r\n/g, "\n").trim();

/** On the list after a save: forgets the kept text if it is the text that was saved. */
export function ForgetKeptText({ of, savedBody }: { of: KeptTextOf; savedBody: string }) {
  const key = keptTextKey(of);
  useEffect(() => {
    const kept = readKeptText(key);
    if (kept?.body === undefined || !same(kept.body, savedBody)) return;
    try {
      localStorage.removeItem(key);
    } catch {}
  }, [key, savedBody]);
  return null;
}
