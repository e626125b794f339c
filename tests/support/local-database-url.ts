/*
 * The browser tests seed demo accounts with a known password, open a test seam (TEST_HOOKS_TOKEN)
 * and create and drop databases: they must only ever run against a database on this machine.
 * Used by scripts/test.ts (`npm test`) and playwright.config.ts (`npm run test:e2e`).
 */

/** The hosts a PostgreSQL address points to, read the way postgres.js reads it (several hosts allowed). */
export function databaseHosts(databaseUrl: string, environment: Record<string, string | undefined> = process.env): string[] {
  const afterScheme = databaseUrl.slice(databaseUrl.indexOf("://") + 3);
  const authority = afterScheme.split(/[?/]/)[0] ?? "";
  let hostPart = authority.slice(authority.lastIndexOf("@") + 1);
  try {
    hostPart = decodeURIComponent(hostPart);
  } catch {
    // Left as written: an invalid escape is not a local host anyway.
  }
  if (hostPart === "") return [environment.PGHOST?.trim() || "localhost"];
  return hostPart.split(",").map((entry) => {
    if (entry.startsWith("/")) return entry; // a unix socket folder
    if (entry.startsWith("[")) return entry.slice(1, entry.indexOf("]") > 0 ? entry.indexOf("]") : undefined);
    // host:port — an IPv6 address without brackets has several colons and no port.
    return entry.split(":").length === 2 ? entry.split(":")[0]! : entry;
  });
}

function isLoopbackIPv4(host: string): boolean {
  const parts = host.split(".");
  return parts.length === 4 && parts[0] === "127" && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** localhost, 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) or a unix socket folder. */
export function isLocalHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  if (h.startsWith("/")) return true;
  if (h === "localhost") return true;
  if (isLoopbackIPv4(h)) return true;
  if (h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  if (h.startsWith("::ffff:") && isLoopbackIPv4(h.slice("::ffff:".length))) return true;
  return false;
}

/** null when every host of the address is on this machine; otherwise the French message to print. */
export function nonLocalDatabaseMessage(
  databaseUrl: string | undefined,
  environment: Record<string, string | undefined> = process.env,
): string | null {
  if (!databaseUrl?.trim()) return null;
  const others = databaseHosts(databaseUrl.trim(), environment).filter((host) => !isLocalHost(host));
  if (others.length === 0) return null;
  return (
    `Tests navigateur refusés : DATABASE_URL désigne une base qui n'est pas sur cette machine (${others.join(", ")}). ` +
    "Ces tests créent et suppriment des bases, y mettent des comptes de démonstration au mot de passe connu et ouvrent une porte de test : " +
    "ils ne s'exécutent que sur une base locale (localhost, 127.0.0.1, ::1 ou une socket unix), " +
    "par exemple DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres, ou sans DATABASE_URL (base embarquée PGlite)."
  );
}
