import http from "node:http";

/**
 * Next.js keeps an incoming X-Forwarded-For as sent by the client, and route handlers never see
 * the socket. So at start we stamp every request with the address of the peer that actually
 * connected, overwriting anything a client sent under that name. `clientAddress()` uses it unless
 * reverse proxies are declared (TRUSTED_PROXY_HOPS).
 */
export const PEER_ADDRESS_HEADER = "x-psc-peer-address";

const marker = Symbol.for("psc.peerAddressInstalled");

export function installPeerAddressHeader(): void {
  const proto = http.Server.prototype as http.Server & { [marker]?: boolean };
  if (proto[marker]) return;
  proto[marker] = true;
  const emit = proto.emit;
  proto.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "inconnue";
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
