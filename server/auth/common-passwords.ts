import "server-only";
import { dictionary as common } from "@zxcvbn-ts/language-common";
import { dictionary as french } from "@zxcvbn-ts/language-fr";

/*
 * « The most common passwords refused »: the 49 000 most common passwords (zxcvbn's list), French
 * common words and first names, and the same with digits or punctuation stuck on either end
 * (« bonjour123456 »), keyboard rows and repeated characters.
 */
let words: Set<string> | undefined;
function wordSet(): Set<string> {
  words ??= new Set(
    [...common["passwords-common"], ...french["commonWords-fr"], ...french["firstnames-fr"], "motdepasse", "aurillac", "cantal"].map((w) =>
      w.toLowerCase(),
    ),
  );
  return words;
}

const keyboardRuns = ["azertyuiopqsdfghjklmwxcvbn", "qwertyuiopasdfghjklzxcvbnm", "0123456789", "abcdefghijklmnopqrstuvwxyz"];
const sequences = [...keyboardRuns, ...keyboardRuns.map((run) => [...run].reverse().join(""))].map((run) => run + run);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase().normalize("NFC");
  const set = wordSet();
  if (set.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (core.length === 0 || set.has(core) || set.has(core.normalize("NFD").replace(/\p{Diacritic}/gu, ""))) return true;
  if (new Set(lower).size <= 2) return true;
  return sequences.some((run) => run.includes(lower));
}
