import http from "node:http";
import { randomInt } from "node:crypto";
import { baseURL } from "../../playwright.config";

/*
 * Talks to next-auth's credentials endpoint over plain HTTP from a chosen loopback address
 * (127.x.y.z): the app sees a different client address per test, as it would for different
 * people, without touching the 127.0.0.1 address the browsers of every other test share — so
 * throttling one test's address never slows another test down.
 */

/** A loopback address of its own for one test (never 127.0.0.1). */
export function ownLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** A made-up public address, as an attacker would put in X-Forwarded-For. */
export function forgedAddress(): string {
  return `203.0.113.${randomInt(1, 255)}`;
}

interface Reply {
  status: number;
  body: string;
  setCookies: string[];
}

function send(
  method: "GET" | "POST",
  path: string,
  options: { localAddress: string; headers?: Record<string, string>; body?: string; base?: string },
): Promise<Reply> {
  const url = new URL(path, options.base ?? baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        method,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        localAddress: options.localAddress,
        headers: options.headers,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, setCookies: response.headers["set-cookie"] ?? [] }));
      },
    );
    request.on("error", reject);
    if (options.body) request.write(options.body);
    request.end();
  });
}

export interface SignInAttempt {
  /** HTTP status: 200 signed in, 401 refused. */
  status: number;
  /** The error code next-auth passed through (INVALID_CREDENTIALS, THROTTLED:n), or null on success. */
  error: string | null;
  /** Where next-auth would send the browser. */
  url: string;
  signedIn: boolean;
  /** The session cookie (`name=value`) when signed in, for requests made as this person. */
  sessionCookie: string | null;
}

/** One sign-in attempt, exactly as next-auth/react's signIn() makes it (CSRF token, form post, json). */
export async function attemptSignIn(input: {
  email: string;
  password: string;
  localAddress: string;
  forwardedFor?: string;
  callbackUrl?: string;
  /** Another server than the browser tests' one (e2e/operations). */
  base?: string;
}): Promise<SignInAttempt> {
  const base = input.base ?? baseURL;
  const extra: Record<string, string> = input.forwardedFor
    ? { "x-forwarded-for": input.forwardedFor, "x-real-ip": input.forwardedFor }
    : {};
  const csrf = await send("GET", "/api/auth/csrf", { localAddress: input.localAddress, headers: extra, base });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.setCookies.map((c) => c.split(";")[0]).join("; ");
  const body = new URLSearchParams({
    csrfToken,
    email: input.email,
    password: input.password,
    callbackUrl: input.callbackUrl ?? `${base}/demarche`,
    json: "true",
  }).toString();
  const reply = await send("POST", "/api/auth/callback/credentials", {
    localAddress: input.localAddress,
    body,
    base,
    headers: {
      ...extra,
      cookie,
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(body)),
    },
  });
  const url = (JSON.parse(reply.body) as { url: string }).url;
  const session = reply.setCookies.map((c) => c.split(";")[0]!).find((c) => /next-auth\.session-token=[^;]+/.test(c)) ?? null;
  return {
    status: reply.status,
    error: new URL(url).searchParams.get("error"),
    url,
    signedIn: session !== null,
    sessionCookie: session,
  };
}
