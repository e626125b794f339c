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

function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** The 8 groups of an IPv6 address (with `::` and a dotted IPv4 tail), or null. */
function parseIPv6(text: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  let tail: number[] = [];
  let head = text;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".", lastColon)) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (!v4) return null;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    head = text.slice(0, lastColon + 1);
    // "::1.2.3.4" / "::ffff:1.2.3.4": keep the "::" whole, drop the single separating colon.
    head = head.endsWith("::") ? head : head.slice(0, -1);
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if (![...left, ...right].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const given = left.length + right.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const zeros = new Array<number>(8 - given).fill(0);
  return [...left.map((g) => parseInt(g, 16)), ...(halves.length === 2 ? zeros : []), ...right.map((g) => parseInt(g, 16)), ...tail];
}

/**
 * The network a client address is counted under by sign-in throttling. An IPv4 address is itself;
 * an IPv6 address is its /64 — one home, one phone, one server usually holds a whole /64 and can
 * pick a new address in it for every attempt, so counting single IPv6 addresses would let anyone
 * escape the per-address limit. An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, as a dual-stack
 * server sees IPv4 clients) is its IPv4 address. Brackets and a zone (`%eth0`) are ignored;
 * anything that is not an address is kept as it is.
 */
export function throttleNetwork(address: string): string {
  let text = address.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  const v4 = parseIPv4(text);
  if (v4) return v4.join(".");
  const v6 = parseIPv6(text);
  if (!v6) return address;
  if (v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff) {
    return [v6[6]! >> 8, v6[6]! & 0xff, v6[7]! >> 8, v6[7]! & 0xff].join(".");
  }
  return `${v6
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
