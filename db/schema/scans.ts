import { customType, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { contributions } from "./contributions";

/** PostgreSQL's bytea: the drivers give a Buffer (postgres.js) or a Uint8Array (PGlite). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * The scan (PDF, PNG or JPEG, at most 5 MB) of a contribution received on paper. In the database,
 * not on a disk: every replica of the app serves it, and backups carry it. Staff only — it may
 * show a handwritten name and address — so it is never on a public page, a feed or the open data
 * (app/moderation/(personnel)/scans/[id]/route.ts checks the permission). Kept as long as its
 * contribution (deleted with it).
 */
export const contributionScans = pgTable("contribution_scans", {
  contributionId: integer("contribution_id")
    .primaryKey()
    .references(() => contributions.id, { onDelete: "cascade" }),
  /** Read from the file's first bytes, never from what the browser declared. */
  mediaType: text("media_type").notNull(),
  byteSize: integer("byte_size").notNull(),
  content: bytea("content").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
