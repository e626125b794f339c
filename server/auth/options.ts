import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { clientAddress } from "@/lib/client-address";
import { authSecret, env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { revokeSession } from "./revoke-session";
import { verifySignIn, type SignInOutcome } from "./sign-in";

const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

/** When a session's cookie stops being valid anyway (its `exp`, or the longest a session lasts). */
export const sessionExpiry = (exp: unknown) => new Date(typeof exp === "number" ? exp * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000);

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 3600 },
    pages: { signIn: "/connexion", signOut: "/deconnexion", error: "/connexion/erreur" },
    providers: [
      CredentialsProvider({
        name: "Adresse électronique et mot de passe",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const email = String(credentials?.email ?? "");
          const password = String(credentials?.password ?? "");
          const headers = new Headers(req.headers as Record<string, string>);
          let outcome: SignInOutcome;
          try {
            outcome = await verifySignIn(await getDb(), { email, password, address: clientAddress(headers, env().TRUSTED_PROXY_HOPS) });
          } catch (error) {
            // next-auth would put the error's text (a failed SQL query…) in the address bar: log it
            // here, and give the browser a code that reads « la connexion n'a pas abouti ».
            console.error("Connexion impossible (erreur interne) :", error);
            throw new Error("UNAVAILABLE");
          }
          if (outcome.ok) return { id: String(outcome.userId), sessionVersion: outcome.sessionVersion };
          // next-auth passes the message through as the `error` of signIn(): a code, never a detail.
          throw new Error(outcome.code === "THROTTLED" ? `THROTTLED:${outcome.retryAfterSeconds}` : "INVALID_CREDENTIALS");
        },
      }),
    ],
    events: {
      // next-auth's own sign-out endpoint: the cookie is dropped by the browser, the session ended here.
      async signOut({ token }) {
        if (token?.sid)
          await revokeSession(await getDb(), { sessionId: token.sid, userId: token.uid ?? null, expiresAt: sessionExpiry(token.exp) });
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.sv = user.sessionVersion;
          // This session's own id: « Se déconnecter » revokes it on the server.
          token.sid = randomUUID();
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid ?? 0, sessionVersion: token.sv ?? -1, sessionId: token.sid };
        return session;
      },
      // Only ever redirect to this site.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
  };
}
