import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { baseURL, testHooksToken } from "../../playwright.config";
import { actionSeeds, themeSeeds } from "../../db/seed/plan-data";
import { demo, signedInContext } from "../support/auth";

/*
 * Issue 9, point 6: malformed input gets a 4xx, never a 500, and changes nothing.
 *
 * Sends well over a thousand malformed requests to EVERY server action of the build (read from its
 * manifest, so a new action is fuzzed without editing this file), every route handler and every
 * page with a dynamic segment or a query string, as an anonymous visitor, a signed-in member and
 * a signed-in administrator, then asserts:
 *   - no answer has a status ≥ 500;
 *   - every table has the same rows as before (count and content fingerprint, read through the
 *     test seam /api/test-hooks/table-counts).
 * The server must still answer normally at the end.
 *
 * Bodies sent to actions: not FormData (empty, text, JSON of the wrong shape, JSON arrays of odd
 * objects), FormData as the browser's fetch sends it (React's reply encoding) and as a form posts
 * it without JavaScript, with odd values: ids 0, -1, 2^31, 1e309, « 1 OR 1=1 », NUL bytes, lone
 * surrogates, 100 KB texts, impossible dates, repeated names where one value is expected, nested
 * names such as `a.0.b.__proto__`. Each multipart payload also carries text that no text rule
 * accepts (a control character), so that no payload is a valid submission of any form.
 *
 * Left out on purpose (docs/decisions/0011-malformed-input.md): bodies that are not a valid
 * React reply (malformed JSON, a truncated multipart body): Next itself fails on those before
 * any code of the app runs.
 */

const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
const root = path.resolve(import.meta.dirname, "../..");
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, distDir, file), "utf8")) as T;

interface ActionEntry {
  id: string;
  name: string;
  page: string;
}

/** Every server action of the build, with the address of one page that holds it. */
function serverActions(): ActionEntry[] {
  const manifest = readJson<{ node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }> }>(
    "server/server-reference-manifest.json",
  );
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      const workers = Object.keys(entry.workers);
      // A page without dynamic segment when there is one; else a real fiche / an id that exists in the demo.
      const worker = workers.find((w) => !w.includes("[")) ?? workers[0]!;
      return {
        id,
        name: `${entry.filename ?? "?"}#${entry.exportedName ?? id}`,
        page: concretePath(worker.replace(/^app/, "").replace(/\/page$/, "") || "/"),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const ficheSlug = actionSeeds[0]!.slug;
const themeSlug = themeSeeds[0]!.slug;

/** A page path with its dynamic segments replaced by plausible values. */
function concretePath(route: string): string {
  return route
    .replace(/^\/fiches\/\[slug\]/, `/fiches/${ficheSlug}`)
    .replace(/^\/espace\/fiches\/\[slug\]/, `/espace/fiches/${ficheSlug}`)
    .replace(/^\/thematiques\/\[slug\]/, `/thematiques/${themeSlug}`)
    .replace(/\[\.\.\.[a-z]+\]/g, "session")
    .replace(/\[(id|page)\]/g, "1")
    .replace(/\[[a-z]+\]/g, "inconnu");
}

/** Every app route (pages and route handlers) of the build, as Next lists them. */
function appRoutes(): { pages: string[]; handlers: string[] } {
  const routes = Object.entries(readJson<Record<string, string>>("app-path-routes-manifest.json"));
  const pages = new Set<string>();
  const handlers = new Set<string>();
  for (const [file, route] of routes) {
    if (route.startsWith("/_") || file.includes("/@")) continue;
    (file.endsWith("/route") ? handlers : pages).add(route);
  }
  return { pages: [...pages].sort(), handlers: [...handlers].sort() };
}

// ————— The odd values —————

/** 100 KB of text (UTF-8). */
const BIG = "é".repeat(50_000);
const oddIds = ["0", "-1", "2147483648", "1e309", "1 OR 1=1", "9".repeat(400), "0x10", "１２", "NaN", " 1 ", "1.5", "-0"];
const oddDays = ["2026-02-31", "0000-01-01", "2031-13-01", "2026-1-1", "99999-01-01", "2026-02-29T25:00"];
/** Text that every text rule must refuse (control characters), or that must never reach the database as is. */
const dirtyTexts = ["a\u0000b", "\u0000", "x\u0007y\u001b[31m", "\u0085NEL", "\u007f", "\u0000".repeat(300)];
const fieldNames = {
  ids: [
    "id",
    "councilId",
    "contributionId",
    "proposalId",
    "actionId",
    "reportId",
    "templateId",
    "meetingId",
    "userId",
    "invitationId",
    "itemId",
    "notificationId",
  ],
  days: ["date", "day", "deadline", "dueOn", "newDeadline", "from", "to", "meetingDate", "heldOn"],
  texts: [
    "title",
    "body",
    "text",
    "reason",
    "comment",
    "minutes",
    "name",
    "label",
    "description",
    "answer",
    "email",
    "password",
    "displayName",
    "message",
    "summary",
    "slug",
    "token",
    "clientRequestId",
    "policy",
    "role",
    "kind",
    "status",
    "decision",
  ],
  lists: ["ids", "roles", "emails", "officials", "items"],
};
const nestedNames = [
  "a.0.b.__proto__",
  "__proto__",
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "agenda.0.label",
  "agenda.99999999999.label",
  "items.-1",
  "0",
  "$ACTION_KEY",
];

type Fields = [string, string][];

/** One multipart payload: every known name carries an odd value, texts are always refused. */
function oddFields(i: number): Fields {
  const pick = <T>(list: T[], k = 0) => list[(i + k) % list.length]!;
  const fields: Fields = [];
  fieldNames.ids.forEach((name, k) => fields.push([name, pick(oddIds, k)]));
  fieldNames.days.forEach((name, k) => fields.push([name, pick(oddDays, k)]));
  fieldNames.texts.forEach((name, k) => fields.push([name, pick(dirtyTexts, k)]));
  // Arrays where one value is expected, and values for list fields.
  for (const name of [...fieldNames.lists, pick(fieldNames.ids), pick(fieldNames.texts)]) {
    fields.push([name, pick(oddIds)], [name, pick(dirtyTexts)], [name, "x\u0000"]);
  }
  fields.push([pick(nestedNames), pick(dirtyTexts, 1)], [pick(nestedNames, 3), "1"]);
  // A 100 KB text in one field out of two payloads (still under Next's 1 MB limit).
  if (i % 2 === 0) fields.push([pick(fieldNames.texts, 5), `${BIG}\u0000`]);
  return fields;
}

/** An object of odd values, for actions that take arguments (not FormData) and for JSON bodies. */
function oddObject(i: number): Record<string, unknown> {
  const pick = <T>(list: T[], k = 0) => list[(i + k) % list.length]!;
  const numbers = [0, -1, 2 ** 31, 1e308, -1e308, 1.5, Number.MAX_SAFE_INTEGER];
  const object: Record<string, unknown> = {};
  fieldNames.ids.forEach((name, k) => (object[name] = k % 2 ? pick(numbers, k) : pick(oddIds, k)));
  fieldNames.days.forEach((name, k) => (object[name] = pick(oddDays, k)));
  fieldNames.texts.forEach(
    (name, k) => (object[name] = k % 3 === 0 ? "\uD800" : k % 3 === 1 ? pick(dirtyTexts, k) : ["a", { b: "\uDC00" }]),
  );
  fieldNames.lists.forEach((name, k) => (object[name] = k % 2 ? [pick(oddIds), null, "\u0000"] : "not-a-list"));
  object.__proto__ = { polluted: true };
  object.agenda = [{ label: "\u0000" }, null, 42];
  return object;
}

// ————— Request shapes —————

interface Probe {
  label: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const boundary = "----fuzz7MA4YWxkTrZu0gW";

function multipart(fields: Fields): Buffer {
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22")}"\r\n\r\n${value}\r\n`,
  );
  return Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "utf8");
}

/** JSON with every non-ASCII character escaped, so lone surrogates reach the server as such. */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The malformed calls of one server action. */
function actionProbes(action: ActionEntry): Probe[] {
  const url = action.page;
  const fetchAction = (label: string, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): Probe => ({
    label: `${action.name} ${label}`,
    method: "POST",
    url,
    headers: { "next-action": action.id, "content-type": contentType, accept: "text/x-component", origin: baseURL, ...extra },
    body,
  });
  const text = "text/plain;charset=UTF-8";
  const probes: Probe[] = [
    // Not FormData: what `fetch` could send, decoded by React into the action's arguments.
    fetchAction("no arguments", "[]", text),
    fetchAction("null arguments", "[null,null]", text),
    fetchAction("strings for state and form", asciiJson(["\u0000", "\uD800"]), text),
    fetchAction("numbers", asciiJson([2 ** 31, -1, 1e308]), text),
    fetchAction("odd object (1)", asciiJson([oddObject(0)]), text),
    fetchAction("odd objects (2)", asciiJson([oddObject(1), oddObject(2)]), text),
    fetchAction("odd id then object", asciiJson(["2147483648", oddObject(3)]), text),
    fetchAction(
      "array for the form",
      asciiJson([
        null,
        [
          ["id", "1"],
          ["email", "x"],
        ],
      ]),
      "application/json",
    ),
    fetchAction("huge string", JSON.stringify([BIG, `${BIG}\u0000`]), text),
  ];
  // FormData as the browser's fetch sends it: React's reply, the form as reference $K1.
  for (let i = 0; i < 4; i++) {
    const state = i === 0 ? "$undefined" : i === 1 ? null : i === 2 ? { n: "2147483648", result: "\u0000" } : "\uD800";
    probes.push(
      fetchAction(
        `FormData ${i}`,
        multipart([["0", asciiJson([state, "$K1"])], ...oddFields(i).map(([n, v]) => [`1_${n}`, v] as [string, string])]),
        `multipart/form-data; boundary=${boundary}`,
      ),
    );
  }
  // A form posted without JavaScript: the action is named in the body.
  for (let i = 4; i < 6; i++) {
    probes.push({
      label: `${action.name} no-JS form ${i}`,
      method: "POST",
      url,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: baseURL },
      body: multipart([[`$ACTION_ID_${action.id}`, ""], ...oddFields(i)]),
    });
  }
  return probes;
}

/** Requests Next must refuse before any action runs (the guards of server/http/request-guards.ts, and Next's own checks). */
function frameworkProbes(action: ActionEntry): Probe[] {
  return [
    {
      label: `${action.name} cross-site`,
      method: "POST",
      url: action.page,
      headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example" },
      body: "[]",
    },
    {
      label: `${action.name} cross-site no-JS`,
      method: "POST",
      url: action.page,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: "null" },
      body: multipart([[`$ACTION_ID_${action.id}`, ""]]),
    },
    {
      label: `${action.name} origin not an address`,
      method: "POST",
      url: action.page,
      headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin: "::::" },
      body: "[]",
    },
    {
      label: `${action.name} multipart without boundary`,
      method: "POST",
      url: action.page,
      headers: { "next-action": action.id, "content-type": "multipart/form-data", origin: baseURL },
      body: "--x\r\n",
    },
    {
      label: `${action.name} body over the limit`,
      method: "POST",
      url: action.page,
      headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin: baseURL },
      body: `["${"a".repeat(1024 * 1024 + 10)}"]`,
    },
  ];
}

/** Calls that name no real action. */
function unknownActionProbes(page: string): Probe[] {
  return ["0".repeat(42), "x", "\u00e9t\u00e9", "7f" + "0".repeat(40), "../../etc/passwd"].map((id, i) => ({
    label: `unknown action ${i} on ${page}`,
    method: "POST",
    url: page,
    headers: { "next-action": encodeURIComponent(id), "content-type": "text/plain;charset=UTF-8", origin: baseURL },
    body: "[]",
  }));
}

const oddSegments = ["%00", "%ff", "a%00b", "2147483648", "1e309", "%ED%A0%80", "%C0%AF", "..%2F..%2Fetc", "x".repeat(2000)];
const oddQuery = [
  "conseil=2147483648",
  "conseil=%00",
  "conseil=-1&page=1e309",
  "page=2147483648",
  "page=%00",
  "du=2026-02-31&au=0000-01-01",
  "du=2031-13-01&au=%00",
  "action=%00&auteur=%ff&recherche=%00",
  "recherche=" + "%F0%9F%98%80".repeat(3000),
  "fiche=%00&diapo=2147483648&etat=%ff",
  "callbackUrl=%00&error=%00",
  "conseil=1&conseil=2&page=a&page=b",
  "statut=%00&theme=2147483648&q=%ED%A0%80",
];

/** Every page with odd segments and odd query strings. */
function pageProbes(pages: string[], allQueries = false): Probe[] {
  const probes: Probe[] = [];
  for (const [j, route] of pages.entries()) {
    // One odd segment at a time in place of each dynamic segment, the others plausible.
    const parts = route.split("/");
    const plausible = concretePath(route).split("/");
    parts.forEach((part, k) => {
      if (!part.startsWith("[")) return;
      for (const segment of oddSegments) {
        const url = plausible.map((p, j) => (j === k ? segment : p)).join("/");
        probes.push({ label: `GET ${url.slice(0, 80)}`, method: "GET", url });
      }
    });
    const base = concretePath(route);
    // Every odd query string on the staff pages (their filters); three on each other page, a different three each time.
    const queries = allQueries ? oddQuery : [0, 1, 2].map((k) => oddQuery[(3 * j + k) % oddQuery.length]!);
    for (const query of queries) probes.push({ label: `GET ${base}?${query.slice(0, 60)}`, method: "GET", url: `${base}?${query}` });
  }
  return probes;
}

/** Route handlers: every method, odd paths and bodies, with and without the test hooks' token. */
function handlerProbes(handlers: string[]): Probe[] {
  const probes: Probe[] = [];
  const bodies: [string, string][] = [
    ["application/json", "{not json"],
    ["application/json", asciiJson(oddObject(0))],
    ["application/json", asciiJson([oddObject(1)])],
    ["application/json", '"\\u0000"'],
    ["text/plain", "\u0000\u0001"],
    ["application/x-www-form-urlencoded", "email=%00&password=%ED%A0%80&csrfToken=%00&callbackUrl=%00"],
    ["application/x-www-form-urlencoded", `email=${"a".repeat(8192)}%40x.fr&password=x&email=b`],
    [`multipart/form-data; boundary=${boundary}`, multipart(oddFields(7)).toString("latin1")],
    ["multipart/form-data", "--x\r\n"],
    ["", ""],
  ];
  for (const route of handlers) {
    const subs = route.includes("[...nextauth]")
      ? [
          "csrf",
          "session",
          "providers",
          "signin",
          "signin/credentials",
          "callback/credentials",
          "error",
          "signout",
          "_log",
          "%00",
          "callback/%00",
          "signin/%ff",
          "x".repeat(500),
        ]
      : [""];
    for (const sub of subs) {
      const url = route.replace("/[...nextauth]", "") + (sub ? `/${sub}` : "");
      // The test seams are the tests' own tools (they write on purpose): fuzzed without their token
      // and with a wrong one, where they must answer 404 to everything.
      for (const token of route.includes("test-hooks") ? [undefined, "x".repeat(testHooksToken.length)] : [undefined]) {
        const tokenHeader: Record<string, string> = token ? { "x-test-hooks-token": token } : {};
        for (const method of ["GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"])
          probes.push({ label: `${method} ${url}`, method, url, headers: tokenHeader });
        for (const [type, body] of bodies) {
          probes.push({
            label: `POST ${url} ${type} ${body.slice(0, 30)}`,
            method: "POST",
            url,
            headers: { ...tokenHeader, ...(type ? { "content-type": type } : {}) },
            body: Buffer.from(body, type.startsWith("multipart") ? "latin1" : "utf8"),
          });
        }
      }
    }
  }
  return probes;
}

// ————— Running —————

interface Outcome {
  probe: Probe;
  who: string;
  status: number;
  excerpt: string;
}

async function send(request: APIRequestContext, who: string, probe: Probe, attempt = 1): Promise<Outcome> {
  try {
    const response = await request.fetch(`${baseURL}${probe.url}`, {
      method: probe.method,
      headers: probe.headers,
      data: probe.body,
      maxRedirects: 0,
      failOnStatusCode: false,
      timeout: 60_000,
    });
    const status = response.status();
    const excerpt = status >= 500 ? (await response.text().catch(() => "")).slice(0, 200) : "";
    return { probe, who, status, excerpt };
  } catch (error) {
    // A connection reset under load is retried once; twice is a failure of the server.
    if (attempt === 1) return send(request, who, probe, 2);
    return { probe, who, status: 599, excerpt: String(error).slice(0, 200) };
  }
}

async function inBatches(jobs: (() => Promise<Outcome>)[], width: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) outcomes.push(await jobs[next++]!());
    }),
  );
  return outcomes;
}

type Counts = Record<string, { rows: number; digest: string }>;

async function tableCounts(request: APIRequestContext): Promise<Counts> {
  const response = await request.get(`${baseURL}/api/test-hooks/table-counts`, { headers: { "x-test-hooks-token": testHooksToken } });
  expect(response.status(), "la route de test table-counts répond").toBe(200);
  return ((await response.json()) as { tables: Counts }).tables;
}

/**
 * Tables allowed to change during the run, and why:
 * - sign_in_attempts / sign_in_throttle (whichever exist): the sign-in endpoint records every
 *   failed attempt by design (the throttle), and the fuzz posts malformed sign-ins to it.
 * - register_months: the public moderation register stores a month that is over at the first render
 *   that shows it, whoever asks (docs/decisions/0030-register-months.md); a probe may be that render.
 */
const legitimatelyChanging = new Set(["sign_in_attempts", "sign_in_throttle", "login_attempts", "register_months"]);

/**
 * Actions that take no input: any well-formed post of them is a valid request, not a malformed
 * one (sign out everywhere, mark all read). They are fuzzed anonymously only.
 */
const noInput = /#(revokeAllSessionsAction|markAllReadAction|signOutAction)$/;

test("≥ 1 000 malformed requests to every server action, route handler and page: never a 5xx, nothing written", async ({
  browser,
  playwright,
}, testInfo) => {
  test.setTimeout(300_000);
  const actions = serverActions();
  const { pages, handlers } = appRoutes();
  expect(actions.length, "des actions serveur dans le manifeste de la version construite").toBeGreaterThan(20);
  expect(handlers.length).toBeGreaterThan(0);

  const anonymous = await playwright.request.newContext({ baseURL });
  const contexts: [string, BrowserContext][] = [
    ["membre", await signedInContext(browser, demo.member1)],
    ["admin", await signedInContext(browser, demo.admin)],
  ];
  const moderator = await signedInContext(browser, demo.moderator);
  // The server's retention job writes its day's run (and its journal line) at its first tick, soon
  // after the server starts (2 s here: playwright.config.ts; server/retention/schedule.ts): a write
  // of its own, not the fuzz's, so « before » is read after it.
  await expect
    .poll(async () => (await tableCounts(anonymous)).retention_runs?.rows ?? 0, { timeout: 90_000, intervals: [2_000] })
    .toBeGreaterThan(0);
  // Signing in writes (the session's bookkeeping): the « before » is read once everyone is in.
  const before = await tableCounts(anonymous);

  const jobs: (() => Promise<Outcome>)[] = [];
  const add = (request: APIRequestContext, who: string, probes: Probe[]) => probes.forEach((p) => jobs.push(() => send(request, who, p)));
  // Each action gets every shape of body once, shared out between the three people (which keeps
  // the run short); the actions that take no input, anonymously only.
  const people: [string, APIRequestContext][] = [
    ["anonyme", anonymous],
    ...contexts.map(([who, c]): [string, APIRequestContext] => [who, c.request]),
  ];
  for (const [a, action] of actions.entries()) {
    add(anonymous, "anonyme", frameworkProbes(action));
    actionProbes(action).forEach((probe, i) => {
      const [who, request] = noInput.test(action.name) ? people[0]! : people[(i + a) % people.length]!;
      add(request, who, [probe]);
    });
  }
  add(anonymous, "anonyme", unknownActionProbes("/"));
  add(anonymous, "anonyme", pageProbes(pages));
  add(
    contexts[1]![1].request,
    "admin",
    pageProbes(
      pages.filter(
        (p) =>
          p.startsWith("/admin") ||
          p.startsWith("/moderation") ||
          p.startsWith("/espace") ||
          p.startsWith("/reponses") ||
          p.startsWith("/presentation"),
      ),
      true,
    ),
  );
  // The moderation pages and their filters, as a moderator (an administrator is not one).
  add(
    moderator.request,
    "modération",
    pageProbes(
      pages.filter((p) => p.startsWith("/moderation") || p.startsWith("/reponses")),
      true,
    ),
  );
  add(anonymous, "anonyme", handlerProbes(handlers));
  expect(jobs.length).toBeGreaterThanOrEqual(1000);

  const started = Date.now();
  const outcomes = await inBatches(jobs, 16);
  const failures = outcomes.filter((o) => o.status >= 500);
  const byStatus = outcomes.reduce<Record<number, number>>((acc, o) => ((acc[o.status] = (acc[o.status] ?? 0) + 1), acc), {});
  console.log(`fuzz: ${outcomes.length} requêtes en ${Math.round((Date.now() - started) / 1000)} s, statuts ${JSON.stringify(byStatus)}`);
  const report = failures.map(
    (f) => `${f.status} [${f.who}] ${f.probe.method} ${f.probe.label.slice(0, 140)} — ${f.excerpt.replace(/\s+/g, " ").slice(0, 120)}`,
  );
  for (const line of report.slice(0, 100)) console.log(`  ${line}`);
  if (report.length > 0) await testInfo.attach("reponses-5xx.txt", { body: report.join("\n"), contentType: "text/plain" });

  // The framework's own refusals are the expected answers.
  const guarded = (pattern: RegExp) => outcomes.filter((o) => pattern.test(o.probe.label)).map((o) => o.status);
  expect.soft(new Set(guarded(/cross-site|origin not an address/)), "server action from another site → 403").toEqual(new Set([403]));
  expect.soft(new Set(guarded(/body over the limit/)), "body over 1 MB → 413").toEqual(new Set([413]));
  expect.soft(new Set(guarded(/multipart without boundary/)), "multipart without boundary → 400").toEqual(new Set([400]));

  const after = await tableCounts(anonymous);
  const changed = Object.keys({ ...before, ...after })
    .filter((t) => !legitimatelyChanging.has(t))
    .filter((t) => before[t]?.rows !== after[t]?.rows || before[t]?.digest !== after[t]?.digest)
    .map(
      (t) =>
        `${t}: ${before[t]?.rows ?? "—"} → ${after[t]?.rows ?? "—"} lignes${before[t]?.rows === after[t]?.rows ? " (contenu modifié)" : ""}`,
    );

  // The server still serves normally.
  expect((await anonymous.get(`${baseURL}/`)).status()).toBe(200);
  for (const [, context] of contexts) await context.close();
  await moderator.close();
  await anonymous.dispose();

  expect.soft(changed, "aucune table modifiée").toEqual([]);
  expect(report, "aucune réponse 5xx").toEqual([]);
});
