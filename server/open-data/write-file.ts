import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import type { Db } from "@/db/client";
import { csvHeader, csvRow, JSON_START, jsonEnd, jsonRow, jsonSeparator } from "@/lib/open-data/encode";
import { openDataFiles, type OpenDataFileName, type OpenDataFormat } from "@/lib/open-data/files";
import { fileRows, type Cursor } from "./file-rows";

/*
 * One open data file written to disk in both its forms at once (one read of the database for the
 * CSV and the JSON), batch after batch: what is in memory is one batch of rows and its text,
 * whatever the number of rows. Each form is hashed as it is written (its ETag).
 */

/** Rows read per query: large enough that 100,000 rows take 100 queries, small enough to stay a few hundred KB. */
export const BATCH_ROWS = 1_000;

export interface WrittenForm {
  /** A temporary file in the folder; the caller renames it. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface WrittenFile {
  rows: number;
  forms: Record<OpenDataFormat, WrittenForm>;
}

/**
 * A file being written: text is gathered into pieces of about FLUSH_CHARS and written (and hashed)
 * piece by piece. Small pieces on purpose: a batch's text as one string (half a megabyte) would go
 * to V8's large-object space, which only a full collection frees — the heap then grew by 80 MB over
 * an export of 100,000 rows, against a few MB with pieces that die young.
 */
const FLUSH_CHARS = 16 * 1024;

function sink(file: string) {
  const stream = createWriteStream(file, { flags: "wx" });
  const hash = createHash("sha256");
  let bytes = 0;
  let pending = "";
  async function flush() {
    if (pending === "") return;
    const chunk = Buffer.from(pending, "utf8");
    pending = "";
    hash.update(chunk);
    bytes += chunk.length;
    // Wait for the disk when its buffer is full: nothing more is read before.
    if (!stream.write(chunk)) await once(stream, "drain");
  }
  return {
    async write(text: string) {
      pending += text;
      if (pending.length >= FLUSH_CHARS) await flush();
    },
    async close(): Promise<WrittenForm> {
      await flush();
      stream.end();
      await once(stream, "finish");
      return { path: file, sha256: hash.digest("hex"), bytes };
    },
    destroy: () => stream.destroy(),
  };
}

export async function writeOpenDataFile(db: Db, name: OpenDataFileName, dir: string, batchRows = BATCH_ROWS): Promise<WrittenFile> {
  const spec = openDataFiles[name];
  const stamp = randomUUID();
  const csv = sink(path.join(dir, `${name}.${stamp}.csv.tmp`));
  const json = sink(path.join(dir, `${name}.${stamp}.json.tmp`));
  try {
    await csv.write(csvHeader(spec));
    await json.write(JSON_START);
    let rows = 0;
    let after: Cursor | null = null;
    for (;;) {
      const batch = await fileRows[name](db, after, batchRows);
      for (const row of batch.rows) {
        await csv.write(csvRow(spec, row));
        await json.write(jsonSeparator(rows) + jsonRow(spec, row));
        rows++;
      }
      if (batch.rows.length < batchRows || batch.last === null) break;
      after = batch.last;
    }
    await json.write(jsonEnd(rows));
    const [csvForm, jsonForm] = await Promise.all([csv.close(), json.close()]);
    return { rows, forms: { csv: csvForm, json: jsonForm } };
  } catch (error) {
    csv.destroy();
    json.destroy();
    await Promise.all([
      rm(path.join(dir, `${name}.${stamp}.csv.tmp`), { force: true }),
      rm(path.join(dir, `${name}.${stamp}.json.tmp`), { force: true }),
    ]);
    throw error;
  }
}
