import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { openDataFormats, type OpenDataFileName, type OpenDataFormat } from "@/lib/open-data/files";
import { writeOpenDataFile } from "./write-file";

/*
 * The open data files are served from files on disk (docs/decisions/0014-open-data.md), not from
 * Next's route cache: Next keeps a cached route's whole body in memory (one Buffer), and a file of
 * 100,000 contributions is tens of megabytes. Here a file is written once, batch by batch, then
 * streamed to every reader from disk with an ETag (its SHA-256), so memory stays flat and a reader
 * who has it already gets a 304.
 *
 * A file is written again when it is read and
 * - the data it shows changed: the writes that refresh the public pages mark it stale
 *   (server/cache.ts, from the list in server/public-paths.ts) — then the next reader waits for the
 *   new file and never gets the old one (an erased name, a hidden item);
 * - or another app process on this machine marked it stale: the mark is a file in the shared folder
 *   (`<file>.modifie`, a new random value at each change), read by every reader;
 * - or it is older than an hour, the public pages' own bound, for the writers no process saw (the
 *   seed script, a replica on another machine);
 * - or the process has just started.
 * When the new file has the same bytes, its ETag and its « changed on » date stay those of the old
 * one (kept on disk next to the files, so a restart does not reset them).
 */

export const MAX_AGE_MS = 3_600_000;
const READ_CHUNK = 64 * 1024;

export interface OpenDataForm {
  file: string;
  sha256: string;
  /** Strong ETag, quoted. */
  etag: string;
  bytes: number;
  /** When these bytes were first written (they may have been written again since, the same). */
  changedAt: Date;
}

export interface OpenDataExport {
  name: OpenDataFileName;
  rows: number;
  producedAt: Date;
  forms: Record<OpenDataFormat, OpenDataForm>;
  /** The file's change count in this process when it was written (see markStale). */
  generation: number;
  /** The folder's change mark when it was written: another process's change replaces it (see markStale). */
  stamp: string;
}

export interface OpenedForm {
  export: OpenDataExport;
  form: OpenDataForm;
  body: ReadableStream<Uint8Array>;
}

export interface OpenDataStore {
  /** The current export of a file: written first if there is none yet, if its data changed or if it is older than MAX_AGE_MS. */
  current(db: Db, name: OpenDataFileName): Promise<OpenDataExport>;
  /** One form of the current export, opened for reading as a stream. */
  open(db: Db, name: OpenDataFileName, format: OpenDataFormat): Promise<OpenedForm>;
  /** The data of these files changed (after the write committed): their next reader gets a new export. */
  markStale(names: readonly OpenDataFileName[]): void;
}

interface Meta {
  rows: number;
  producedAt: string;
  forms: Record<OpenDataFormat, { file: string; sha256: string; bytes: number; changedAt: string }>;
}

const etagOf = (sha256: string) => `"${sha256.slice(0, 32)}"`;
const metaPath = (dir: string, name: OpenDataFileName) => path.join(dir, `${name}.meta.json`);

async function readMeta(dir: string, name: OpenDataFileName): Promise<Pick<OpenDataExport, "forms"> | null> {
  try {
    const meta = JSON.parse(await readFile(metaPath(dir, name), "utf8")) as Meta;
    const forms = Object.fromEntries(
      openDataFormats.map((format) => {
        const f = meta.forms[format];
        return [
          format,
          {
            file: path.join(dir, path.basename(f.file)),
            sha256: f.sha256,
            etag: etagOf(f.sha256),
            bytes: f.bytes,
            changedAt: new Date(f.changedAt),
          },
        ];
      }),
    ) as Record<OpenDataFormat, OpenDataForm>;
    return { forms };
  } catch {
    return null;
  }
}

async function writeMeta(dir: string, entry: OpenDataExport) {
  const meta: Meta = {
    rows: entry.rows,
    producedAt: entry.producedAt.toISOString(),
    forms: Object.fromEntries(
      openDataFormats.map((format) => {
        const f = entry.forms[format];
        return [format, { file: path.basename(f.file), sha256: f.sha256, bytes: f.bytes, changedAt: f.changedAt.toISOString() }];
      }),
    ) as Meta["forms"],
  };
  const temporary = `${metaPath(dir, entry.name)}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify(meta));
  await rename(temporary, metaPath(dir, entry.name));
}

/** Temporary files a stopped process left behind (a write takes seconds; an hour-old one is abandoned). */
async function sweepAbandoned(dir: string) {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.endsWith(".tmp"))
      .map(async (n) => {
        const file = path.join(dir, n);
        const info = await stat(file).catch(() => null);
        if (info && Date.now() - info.mtimeMs > MAX_AGE_MS) await rm(file, { force: true });
      }),
  );
}

/**
 * The folder, made private to this user: in the shared temporary folder, a folder of that name that
 * someone else created (or opened to others) could have its files swapped after they are written.
 * Then this process writes in a new private folder of its own (its « changed on » dates start over).
 */
async function privateFolder(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await stat(dir);
  if (info.uid === process.getuid?.() && (info.mode & 0o077) === 0) return dir;
  const own = await mkdtemp(`${dir}-`);
  console.warn(`[données ouvertes] ${dir} n'est pas un dossier privé de ce compte : fichiers écrits dans ${own}`);
  return own;
}

/** A file read chunk by chunk, only as fast as the reader takes it. */
function streamOf(handle: Awaited<ReturnType<typeof open>>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = Buffer.alloc(READ_CHUNK);
        const { bytesRead } = await handle.read(chunk, 0, READ_CHUNK, null);
        if (bytesRead === 0) {
          await handle.close();
          controller.close();
        } else controller.enqueue(chunk.subarray(0, bytesRead));
      } catch (error) {
        await handle.close().catch(() => {});
        controller.error(error);
      }
    },
    async cancel() {
      await handle.close();
    },
  });
}

export function createOpenDataStore(home: string): OpenDataStore {
  const generations = new Map<OpenDataFileName, number>();
  const exports = new Map<OpenDataFileName, OpenDataExport>();
  const producing = new Map<string, Promise<OpenDataExport>>();
  let ready: Promise<string> | null = null;
  const generationOf = (name: OpenDataFileName) => generations.get(name) ?? 0;

  function folder(): Promise<string> {
    if (!ready) {
      const preparing = privateFolder(home).then(async (folder) => {
        await sweepAbandoned(folder);
        return folder;
      });
      ready = preparing;
      // A folder that could not be made is tried again by the next writer.
      preparing.catch(() => {
        if (ready === preparing) ready = null;
      });
    }
    return ready;
  }

  /** The change mark other processes on this folder leave (empty until one changes the file's data). */
  async function sharedStamp(name: OpenDataFileName): Promise<string> {
    try {
      return await readFile(path.join(await folder(), `${name}.modifie`), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
      throw error;
    }
  }

  async function leaveStamp(name: OpenDataFileName): Promise<void> {
    const dir = await folder();
    const temporary = path.join(dir, `${name}.modifie.${randomUUID()}.tmp`);
    await writeFile(temporary, randomUUID());
    await rename(temporary, path.join(dir, `${name}.modifie`));
  }

  async function produce(db: Db, name: OpenDataFileName, generation: number, stamp: string): Promise<OpenDataExport> {
    const dir = await folder();
    const previous = exports.get(name) ?? (await readMeta(dir, name));
    const producedAt = new Date();
    const written = await writeOpenDataFile(db, name, dir);
    const forms = {} as Record<OpenDataFormat, OpenDataForm>;
    for (const format of openDataFormats) {
      const w = written.forms[format];
      // Named by content: a reader still streaming an older file keeps it, a same file keeps its name.
      const file = path.join(dir, `${name}-${w.sha256.slice(0, 16)}.${format}`);
      await rename(w.path, file);
      const before = previous?.forms[format];
      const same = before?.sha256 === w.sha256;
      forms[format] = { file, sha256: w.sha256, etag: etagOf(w.sha256), bytes: w.bytes, changedAt: same ? before!.changedAt : producedAt };
    }
    const entry: OpenDataExport = { name, rows: written.rows, producedAt, forms, generation, stamp };
    // An export written meanwhile for a later change wins; otherwise this one replaces what was there.
    const newest = exports.get(name);
    const winner = newest !== undefined && newest.generation > generation ? newest : entry;
    if (winner === entry) {
      exports.set(name, entry);
      await writeMeta(dir, entry);
    }
    // Files no export points to any more.
    const kept = new Set(Object.values(winner.forms).map((f) => f.file));
    const known = [previous, newest, entry].flatMap((e) => (e ? Object.values(e.forms) : []));
    await Promise.all(known.filter((f) => !kept.has(f.file)).map((f) => rm(f.file, { force: true })));
    return winner;
  }

  async function current(db: Db, name: OpenDataFileName): Promise<OpenDataExport> {
    for (let attempt = 0; ; attempt++) {
      const generation = generationOf(name);
      const stamp = await sharedStamp(name);
      const entry = exports.get(name);
      if (entry && entry.generation === generation && entry.stamp === stamp && Date.now() - entry.producedAt.getTime() < MAX_AGE_MS)
        return entry;
      // One writer per file and change: the readers who come meanwhile wait for the same export.
      const key = `${name}:${generation}:${stamp}`;
      let pending = producing.get(key);
      if (!pending) {
        pending = produce(db, name, generation, stamp).finally(() => producing.delete(key));
        producing.set(key, pending);
      }
      const produced = await pending;
      // Data changed while it was written (its rows may predate the change): once more — not endlessly
      // under a stream of changes, where the next change marks it stale again anyway.
      if ((produced.generation === generationOf(name) && produced.stamp === (await sharedStamp(name))) || attempt >= 2) return produced;
    }
  }

  return {
    current,
    async open(db, name, format) {
      for (let attempt = 0; ; attempt++) {
        const entry = await current(db, name);
        const form = entry.forms[format];
        try {
          return { export: entry, form, body: streamOf(await open(form.file, "r")) };
        } catch (error) {
          // Removed by another process sharing the folder (it wrote a newer file): write it again here.
          if ((error as NodeJS.ErrnoException).code !== "ENOENT" || attempt > 0) throw error;
          if (exports.get(name) === entry) exports.delete(name);
        }
      }
    },
    markStale(names) {
      for (const name of names) {
        generations.set(name, generationOf(name) + 1);
        // For the other processes on this folder (decision 0019: several app processes behind nginx).
        leaveStamp(name).catch((error: unknown) => console.error("[données ouvertes] marque de changement non écrite", error));
      }
    },
  };
}

/**
 * The app's folder: one per database (processes on the same database share their files; the tests'
 * databases and the browser tests' never meet the development one's), in the system's temporary
 * folder — the files are a cache, written again whenever they are missing.
 */
function defaultDir(): string {
  const e = env();
  const database = e.DATABASE_URL ?? path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.PGLITE_DIR);
  return path.join(tmpdir(), `psc-donnees-${createHash("sha256").update(database).digest("hex").slice(0, 16)}`);
}

const holder = globalThis as unknown as { __pscOpenData?: OpenDataStore };

/** The process's store, for the routes, the page and the writes that mark files stale. */
export function appOpenDataStore(): OpenDataStore {
  holder.__pscOpenData ??= createOpenDataStore(defaultDir());
  return holder.__pscOpenData;
}
