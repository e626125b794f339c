import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });

/*
 * Two malformed requests next-auth answers with a 500 (it throws): a JSON body that does not
 * parse, and a GET of the credentials callback (a POST only). Refused here (issue 9, point 6).
 */
async function malformed(request: Request, nextauth: string[] | undefined): Promise<Response | null> {
  if (request.method === "GET" && nextauth?.[0] === "callback" && nextauth[1] === "credentials")
    return refuse(405, "Méthode non permise.", { allow: "POST" });
  if (request.method === "POST" && request.headers.get("content-type")?.includes("application/json")) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return refuse(400, "Demande invalide.");
    }
  }
  return null;
}

// Options are built per request so that the secret is read from the validated environment.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return (await malformed(request, (await context.params).nextauth)) ?? NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
