import { LEGAL_TEXT_MAX } from "@/lib/city-identity";

/** How the City's texts are typed (lib/plain-text.ts), said once for every such field. */
export const PLAIN_TEXT_HINT = `Texte simple : une ligne vide sépare deux paragraphes ; une adresse https://… devient un lien, et [mots](https://…) fait un lien sur ces mots. Pas de HTML. ${LEGAL_TEXT_MAX.toLocaleString("fr-FR")} caractères au plus.`;
