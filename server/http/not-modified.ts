/*
 * Conditional GET (RFC 9110, section 13): whether a reader's copy is still the current one, so
 * that a file it downloaded already is answered with a bodiless 304. Pure.
 */

/** The ETags of If-None-Match, without their weak marker (GET compares them weakly). */
function tags(header: string): string[] {
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .filter(Boolean);
}

/**
 * True when the request's validators match: If-None-Match names the current ETag (or `*`); without
 * If-None-Match, If-Modified-Since is not before the last change (HTTP dates count whole seconds).
 */
export function notModified(headers: Headers, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const list = tags(ifNoneMatch);
    return list.includes("*") || list.includes(etag.replace(/^W\//, ""));
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
