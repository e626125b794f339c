import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/*
 * The browser tests' seams (route.test-hook.ts files) are compiled only into a build made with
 * TEST_HOOKS_TOKEN set (next.config.js adds the `test-hook.ts` extension then): a production build
 * does not contain them at all. Inside such a build, each request must carry the token too.
 */
export function testHookAuthorized(request: Request): boolean {
  const expected = env().TEST_HOOKS_TOKEN;
  const given = request.headers.get("x-test-hooks-token");
  if (!expected || !given) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
