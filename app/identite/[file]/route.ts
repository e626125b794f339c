import { getDb } from "@/server/db";
import { extensionOf, getCityLogo } from "@/server/settings/platform-settings";

/*
 * The City's logo, at an address named by the hash of its bytes (`logo-<hash>.png|svg`): the
 * bytes at an address never change, so browsers and proxies keep it a year without asking again;
 * a new logo gets a new address (lib/city-identity.ts). Any other address, including an old
 * logo's, is not found. An SVG is only ever shown through <img>, and this response carries a
 * sandboxing Content-Security-Policy (proxy.ts, lib/security-headers.ts) in case it is opened directly.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const logo = await getCityLogo(await getDb());
  if (!logo || file !== `logo-${logo.hash}.${extensionOf(logo.type)}`)
    return new Response("Introuvable.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.type,
      "Content-Length": String(logo.bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Disposition": "inline",
    },
  });
}
