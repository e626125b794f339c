"use client";

import { useCallback, useEffect, useRef, useState } from "react";

type Message = { type: "goto"; index: number } | { type: "hello" };

/**
 * The current slide, shared by the projector and the presenter view: keyboard (→ ← Space
 * PageDown PageUp Home End — a presenter's clicker sends PageUp/PageDown), the address
 * (?diapo=N, so a reload keeps the place), and a BroadcastChannel that keeps the windows of one
 * meeting in step both ways. `onKey` gets the keys it does not handle (F for full screen).
 */
export function useDeckNavigation({
  count,
  initial,
  channelName,
  headings,
  askOthers = false,
  onKey,
}: {
  count: number;
  initial: number;
  channelName: string;
  headings: string[];
  /** The presenter view asks the projector where it is when it opens. */
  askOthers?: boolean;
  onKey?: (event: KeyboardEvent) => void;
}) {
  const [index, setIndex] = useState(() => Math.max(0, Math.min(count - 1, initial)));
  const [announcement, setAnnouncement] = useState("");
  const channel = useRef<BroadcastChannel | null>(null);
  const indexRef = useRef(index);
  const onKeyRef = useRef(onKey);
  useEffect(() => {
    onKeyRef.current = onKey;
  });

  const show = useCallback(
    (to: number, broadcast: boolean) => {
      const next = Math.max(0, Math.min(count - 1, to));
      if (next === indexRef.current) return;
      indexRef.current = next;
      setIndex(next);
      setAnnouncement(`Diapositive ${next + 1} sur ${count} : ${headings[next] ?? ""}`);
      if (broadcast) channel.current?.postMessage({ type: "goto", index: next } satisfies Message);
    },
    [count, headings],
  );
  const go = useCallback((to: number) => show(to, true), [show]);

  // The address follows the slide.
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("diapo", String(index + 1));
    window.history.replaceState(window.history.state, "", url);
  }, [index]);

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const bc = new BroadcastChannel(channelName);
    channel.current = bc;
    bc.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message?.type === "goto" && Number.isInteger(message.index)) show(message.index, false);
      else if (message?.type === "hello") bc.postMessage({ type: "goto", index: indexRef.current } satisfies Message);
    };
    if (askOthers) bc.postMessage({ type: "hello" } satisfies Message);
    return () => {
      bc.close();
      channel.current = null;
    };
  }, [channelName, askOthers, show]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      // Space and Enter on a button or a link press it, as everywhere else.
      if ((event.key === " " || event.key === "Enter") && target?.closest("button, a, summary")) return;
      const current = indexRef.current;
      const moves: Record<string, number> = {
        ArrowRight: current + 1,
        PageDown: current + 1,
        ArrowLeft: current - 1,
        PageUp: current - 1,
        Home: 0,
        End: count - 1,
        " ": event.shiftKey ? current - 1 : current + 1,
      };
      if (event.key in moves) {
        event.preventDefault();
        go(moves[event.key]!);
        return;
      }
      onKeyRef.current?.(event);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [count, go]);

  return { index, go, announcement };
}
