/**
 * The client's address, for throttling. With no trusted proxy (the default) it is the peer that
 * connected, stamped by the server at start (server/net/peer-address.ts); a forged X-Forwarded-For
 * changes nothing. With N trusted proxies, it is the N-th address from the right of
 * X-Forwarded-For — the one the outermost trusted proxy saw.
 */
export function clientAddress(headers: { get(name: string): string | null }, trustedProxyHops: number): string {
  const peer = headers.get("x-psc-peer-address") ?? "inconnue";
  if (trustedProxyHops <= 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return chain[chain.length - trustedProxyHops] ?? peer;
}
