import { existsSync } from "node:fs";

/**
 * The browser for tests and the benchmark: CHROMIUM_PATH if given, else the system's headless
 * shell (Debian's chromium-headless-shell: the lighter browser Playwright itself uses for headless
 * runs; it cannot open a window: `--headed` needs CHROMIUM_PATH=/usr/bin/chromium), else the
 * system Chromium,
 * else null — then Playwright's own browser is used if it was installed.
 */
export function systemChromiumPath(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string)) ?? null;
}

/** Flags that keep Chromium quiet on a machine with no network beyond loopback (see STACK.md). */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
