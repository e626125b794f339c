import { text } from "./fields";

/** A required plain text (see `text` in ./fields): kept for the schemas written with positional arguments. */
export const plainText = (min: number, max: number, empty: string, what: string) => text({ min, max, empty, what });
