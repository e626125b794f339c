import { isCleanText } from "@/lib/validation/fields";

/*
 * Cheap checks made in proxy.ts before Next handles a request, for the malformed requests that
 * Next itself would answer with a 500 (issue 9, point 6; docs/decisions/0011-malformed-input.md):
 *
 * - a server action posted from another site (Next compares Origin with the host, logs
 *   « Invalid Server Actions request » and answers 500) → 403;
 * - a body announced larger than the server actions' limit → 413, before anything reads it;
 * - a multipart body whose Content-Type has no boundary (Next's parser throws) → 400;
 * - a path that is not valid percent-encoded UTF-8 (`/fiches/%ff`), or that carries a control
 *   character once decoded (`/fiches/%00`) → 400;
 * - a path segment longer than any address of the site has (slugs stop at 200 characters) → 404:
 *   Next would otherwise try to cache the not-found page under a file named after the segment,
 *   which the filesystem refuses (ENAMETOOLONG, seen in the fuzz test's server log).
 *
 * Pure functions of the method, the address and the headers, so they are unit-tested without Next.
 * Everything else (the body's content, ids, dates, text) is the app's own validation
 * (lib/validation/fields.ts), done where the value is read.
 */

/** The limit of a request's body: 1 MB, enough for any form of text. */
export const BODY_SIZE_LIMIT = 1024 * 1024;

/**
 * The app's uploads of more than a logo: a scan of a paper contribution (5 MB at most,
 * lib/paper-contribution.ts), posted to the recording page, and a plan file (5 MB at most,
 * lib/validation/plan.ts), posted to the import page. Their bodies may reach Next's limit for server
 * actions (`experimental.serverActions.bodySizeLimit` in next.config.js, "6mb": the file and the
 * form's text). Every other address keeps 1 MB.
 */
export const UPLOAD_BODY_SIZE_LIMIT = 6 * 1024 * 1024;
export const UPLOAD_PATHS: readonly string[] = ["/moderation/papier", "/admin/plan/importer"];

export interface Refusal {
  status: 400 | 403 | 404 | 413;
  message: string;
}

export const MALFORMED_ADDRESS: Refusal = { status: 400, message: "Adresse invalide : vérifiez le lien, puis réessayez." };
export const UNKNOWN_ADDRESS: Refusal = { status: 404, message: "Page introuvable : vérifiez l'adresse." };
/** The longest path segment of any address of the site: a slug (lib/validation/fields.ts). */
export const MAX_SEGMENT_LENGTH = 200;
export const CROSS_SITE_FORM: Refusal = {
  status: 403,
  message: "Ce formulaire a été envoyé depuis un autre site : il est refusé. Ouvrez la page sur le site de la plateforme, puis réessayez.",
};
export const MALFORMED_FORM: Refusal = { status: 400, message: "Formulaire invalide : rechargez la page, puis réessayez." };
export const BODY_TOO_LARGE: Refusal = { status: 413, message: "Envoi trop volumineux : raccourcissez le texte, puis réessayez." };
export const UPLOAD_TOO_LARGE: Refusal = {
  status: 413,
  message:
    "Envoi trop volumineux : le fichier envoyé (scan ou plan) ne doit pas dépasser 5 Mo. Revenez à la page précédente, choisissez un fichier plus léger, puis réessayez.",
};

/** Anything Next's action handler treats as a server action: a Next-Action header, or a multipart POST (a form sent without JavaScript). */
function mayBeServerAction(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  return headers.has("next-action") || (headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/**
 * True when the request comes from this site, by the same rule as Next's action handler: no
 * Origin header (a hand-made request carries no one else's cookies) or an Origin whose host is
 * the first X-Forwarded-Host, else the Host header. An Origin that is not an address (Next would
 * throw while parsing it) or `null` is not this site.
 */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return Boolean(host) && originHost === host;
}

/** True when every segment of the raw path decodes to clean text (valid UTF-8, no control character). */
export function isWellFormedPath(rawPath: string): boolean {
  for (const segment of rawPath.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    if (!isCleanText(decoded) || /[\t\n\r]/.test(decoded)) return false;
  }
  return true;
}

/** True when a (raw, percent-encoded) path segment is longer than any address of the site has. */
function hasOverlongSegment(rawPath: string): boolean {
  return rawPath.split("/").some((segment) => decodeURIComponent(segment).length > MAX_SEGMENT_LENGTH);
}

/** The raw path of an address, as the client sent it (not decoded). */
function rawPathOf(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  return afterScheme.split(/[?#]/, 1)[0] ?? "";
}

/** What to refuse before Next reads the request, or null to let it through. */
export function checkRequest(method: string, url: string, headers: Headers): Refusal | null {
  const rawPath = rawPathOf(url);
  if (!isWellFormedPath(rawPath)) return MALFORMED_ADDRESS;
  if (hasOverlongSegment(rawPath)) return UNKNOWN_ADDRESS;
  if (mayBeServerAction(method, headers) && !sameOrigin(headers)) return CROSS_SITE_FORM;
  // A multipart body without its boundary cannot be read: Next's parser throws (a 500).
  const type = (headers.get("content-type") ?? "").toLowerCase();
  if (method === "POST" && type.startsWith("multipart/form-data") && !/;\s*boundary=("[^"]+"|[^\s;]+)/.test(type)) return MALFORMED_FORM;
  const length = headers.get("content-length");
  const upload = UPLOAD_PATHS.includes(rawPath);
  if (length !== null && /^\d+$/.test(length.trim()) && Number(length) > (upload ? UPLOAD_BODY_SIZE_LIMIT : BODY_SIZE_LIMIT))
    return upload ? UPLOAD_TOO_LARGE : BODY_TOO_LARGE;
  return null;
}

/** The answer to a refused request: plain French text, never cached. */
export function refusalResponse(refusal: Refusal): Response {
  return new Response(refusal.message, {
    status: refusal.status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/** For proxy.ts: the refusal's response, or null to go on. */
export function guardRequest(request: Request): Response | null {
  const refusal = checkRequest(request.method, request.url, request.headers);
  return refusal ? refusalResponse(refusal) : null;
}
