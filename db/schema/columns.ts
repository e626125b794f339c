import { boolean } from "drizzle-orm/pg-core";

/** Rows written by the demo seed (never in production unless asked), visibly marked as demo. */
export const isDemo = (name = "is_demo") => boolean(name).notNull().default(false);
