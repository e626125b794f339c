import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import lockfile from "proper-lockfile";

export class EmbeddedDatabaseLockedError extends Error {
  readonly code = "EMBEDDED_DATABASE_LOCKED";
}

/**
 * PGlite does not lock its folder and two processes on one folder silently lose data, so exactly
 * one process may open it. The lock is a directory next to the data folder (proper-lockfile); it is
 * released when the process exits, and a lock left by a killed process goes stale after 10 s.
 * Returns the function that releases the lock.
 */
export function lockEmbeddedDatabase(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = `${dir}.lock`;
  let release: () => void;
  try {
    release = lockfile.lockSync(dir, { lockfilePath: lockPath, stale: 10_000, update: 2_000, realpath: false });
  } catch (error) {
    if ((error as { code?: string }).code !== "ELOCKED") throw error;
    let owner = "un autre processus";
    try {
      owner = readFileSync(`${dir}.owner`, "utf8").trim();
    } catch {
      // The owner file is informative only.
    }
    throw new EmbeddedDatabaseLockedError(
      `La base de données embarquée « ${dir} » est déjà ouverte par ${owner}. ` +
        "Une seule application à la fois peut l'utiliser : arrêtez l'autre processus (ou attendez 10 s s'il vient d'être tué), " +
        "ou donnez un autre dossier avec PGLITE_DIR, ou utilisez PostgreSQL avec DATABASE_URL.",
    );
  }
  // Beside the lock, not inside it: writing inside would change the lock's mtime, which
  // proper-lockfile reads as a lock taken over by someone else.
  writeFileSync(`${dir}.owner`, `le processus ${process.pid} (${process.argv.slice(1, 3).join(" ")})`);
  return release;
}
