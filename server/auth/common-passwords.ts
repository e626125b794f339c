import "server-only";
import { dictionary as common } from "@zxcvbn-ts/language-common";
import { dictionary as french } from "@zxcvbn-ts/language-fr";
import type { Db } from "@/db/client";
import { getCityIdentity } from "@/server/settings/platform-settings";

/*
 * « The most common passwords refused »: the 49 000 most common passwords (zxcvbn's list), French
 * common words and first names, and the same with digits or punctuation stuck on either end
 * (« bonjour123456 »), keyboard rows and repeated characters — and the words of this City's name
 * (« demoville2024 » on Démoville's site), read from the settings.
 */
let words: Set<string> | undefined;
function wordSet(): Set<string> {
  words ??= new Set(
    [...common["passwords-common"], ...french["commonWords-fr"], ...french["firstnames-fr"], "motdepasse"].map((w) => w.toLowerCase()),
  );
  return words;
}

const keyboardRuns = ["azertyuiopqsdfghjklmwxcvbn", "qwertyuiopasdfghjklzxcvbnm", "0123456789", "abcdefghijklmnopqrstuvwxyz"];
const sequences = [...keyboardRuns, ...keyboardRuns.map((run) => [...run].reverse().join(""))].map((run) => run + run);

const plain = (word: string) => word.normalize("NFD").replace(/\p{Diacritic}/gu, "");

/** The words of a City's name worth refusing: « Ville de Démoville » → demoville (« ville » and « de » are in the list already). */
export function cityNameWords(cityName: string): string[] {
  return plain(cityName.toLowerCase())
    .split(/[^a-z0-9]+/u)
    .filter((w) => w.length >= 4);
}

export function isCommonPassword(password: string, localWords: readonly string[] = []): boolean {
  const lower = password.toLowerCase().normalize("NFC");
  const set = wordSet();
  const local = new Set(localWords);
  const known = (w: string) => set.has(w) || local.has(w);
  if (known(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (core.length === 0 || known(core) || known(plain(core))) return true;
  if (new Set(lower).size <= 2) return true;
  return sequences.some((run) => run.includes(lower));
}

/** The same, with the words of the City's name as set on this site (one small query). */
export async function isCommonPasswordHere(db: Db, password: string): Promise<boolean> {
  return isCommonPassword(password, cityNameWords((await getCityIdentity(db)).cityName));
}
