// @ts-check
/*
 * The logger of the production server (ops/server.mjs) and of the app code it runs: one JSON line
 * per event on stdout (pino), so that the City's log collector can read the fields without parsing
 * French sentences. Two rules hold for every line, whoever writes it:
 *   - the request id of the request being served, when there is one (`reqId`), so that the lines
 *     of one request can be found together (the context lives on globalThis: the server and the
 *     app bundle load this file as two different module instances);
 *   - no personal data: an e-mail address anywhere in a message or an error is masked (also the
 *     `user:password@` of a connection address), and errors are reduced to their type, code,
 *     message and stack — the fields where drivers put the values of a query (`detail`,
 *     `parameters`, a mailer's `rejected` recipients) are left out.
 * IP addresses are never written by the app's own lines: the access line has none (the sign-in
 * throttle keeps what it needs in the database).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { format, stripVTControlCharacters } from "node:util";
import pino from "pino";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** The level from LOG_LEVEL (default info); a wrong value stops the server with a French message. */
export function logLevel(value = process.env.LOG_LEVEL) {
  const level = (value ?? "").trim() || "info";
  if (!LEVELS.includes(level)) {
    throw new Error(`Configuration invalide (variables d'environnement) :\n  - LOG_LEVEL : doit valoir ${LEVELS.join(", ")}`);
  }
  return level;
}

/**
 * The request being served: its id. Shared through globalThis so that a line written by the app
 * code (bundled by Next) during a request carries the id the server gave that request.
 * @returns {AsyncLocalStorage<{ reqId: string }>}
 */
export function requestContext() {
  const key = Symbol.for("psc.requestContext");
  const holder = /** @type {Record<symbol, AsyncLocalStorage<{ reqId: string }> | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (holder[key] ??= new AsyncLocalStorage());
}

// An address (or the credentials of a connection string): something@host.tld.
const EMAIL = /[^\s@<>()[\]"'`,;:/]+(?::[^\s@<>()[\]"'`,;/]*)?@[^\s@<>()[\]"'`,;:/]+\.[^\s@<>()[\]"'`,;:/]+/g;
const MASK = "[adresse masquée]";

/**
 * Masks e-mail addresses (and `user:password@host`) in a text.
 * @param {unknown} text
 */
export function scrub(text) {
  const s = String(text);
  // Most lines hold no address: the test is cheap, the expression is not (it is tried from every
  // character of the text). A request's log line went through it: ~2 % of the server's processor
  // at 8,000 requests a second (a CPU profile of the bench's server, 2026-12-01).
  return s.includes("@") ? s.replace(EMAIL, MASK) : s;
}

/**
 * An error as it may be logged: type, code, message, stack (addresses masked) and its cause.
 * @param {unknown} error
 * @param {number} [depth]
 * @returns {Record<string, unknown> | string}
 */
export function safeError(error, depth = 0) {
  if (!(error instanceof Error)) return scrub(format("%s", error));
  /** @type {Record<string, unknown>} */
  const out = { type: error.name, message: scrub(error.message) };
  const code = /** @type {{ code?: unknown }} */ (error).code;
  if (typeof code === "string" || typeof code === "number") out.code = code;
  if (error.stack) out.stack = scrub(error.stack);
  if (error.cause !== undefined && depth < 3) out.cause = safeError(error.cause, depth + 1);
  return out;
}

/**
 * @param {unknown} value
 * @param {number} depth
 * @returns {unknown}
 */
function scrubValue(value, depth) {
  if (typeof value === "string") return scrub(value);
  if (value instanceof Error) return safeError(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
  return out;
}

/** The most the lines waiting for stdout may hold: past it, new lines are dropped, and counted. */
const PENDING_MAX_BYTES = 16 * 1024 * 1024;
/** How long after a first dropped line the count of dropped lines is written. */
const DROP_REPORT_MS = 5_000;

/**
 * Standard output, written without ever holding up the server. Next makes fd 1 non-blocking when
 * it is a pipe (journald, a container's log driver): a synchronous pino destination then met
 * EAGAIN as soon as the reader fell 64 KB behind, and slept 100 ms per line, the whole process
 * with it — measured, 300 requests took 44 s instead of 3.7 s while the reader paused. Written
 * asynchronously, lines wait in memory (PENDING_MAX_BYTES at most, then are dropped and counted)
 * and pino writes what is left synchronously when the process exits: a crash's last line is kept.
 * @param {{ fd?: number, pendingMaxBytes?: number }} [options]
 */
export function stdoutDestination(options = {}) {
  return pino.destination({ dest: options.fd ?? 1, sync: false, maxLength: options.pendingMaxBytes ?? PENDING_MAX_BYTES });
}

/**
 * Writes, a while after lines were dropped (the destination's `drop` event), how many were.
 * @param {import("pino").Logger} logger
 * @param {import("pino").DestinationStream} destination
 * @param {number} delayMs
 */
function reportDrops(logger, destination, delayMs) {
  if (!("on" in destination) || typeof destination.on !== "function") return;
  let dropped = 0;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  destination.on("drop", () => {
    dropped += 1;
    timer ??= setTimeout(() => {
      timer = undefined;
      const droppedLines = dropped;
      dropped = 0;
      logger.warn({ droppedLines }, `${droppedLines} ligne(s) du journal perdue(s) : la sortie standard ne suivait pas`);
    }, delayMs).unref();
  });
}

/**
 * A pino logger writing JSON lines to `destination` (stdout by default, see stdoutDestination).
 * @param {{ destination?: import("pino").DestinationStream, level?: string, base?: Record<string, unknown>, dropReportMs?: number }} [options]
 */
export function createLogger(options = {}) {
  const context = requestContext();
  const destination = options.destination ?? stdoutDestination();
  const logger = pino(
    {
      level: options.level ?? logLevel(),
      // No pid/hostname on every line: the collector knows where a line comes from.
      base: options.base ?? null,
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const store = context.getStore();
        return store ? { reqId: store.reqId } : {};
      },
      // Already reduced by the hook below; a plain object passes as is.
      serializers: { err: (e) => (e instanceof Error ? safeError(e) : e) },
      hooks: {
        // Every argument of every call is scrubbed before pino serialises it: objects, errors, texts.
        logMethod(args, method) {
          const cleaned = /** @type {typeof args} */ (args.map((a) => scrubValue(a, 0)));
          return method.apply(this, cleaned);
        },
      },
    },
    destination,
  );
  reportDrops(logger, destination, options.dropReportMs ?? DROP_REPORT_MS);
  return logger;
}

/** @type {Record<string, "info" | "warn" | "error" | "debug">} */
const CONSOLE_LEVELS = { log: "info", info: "info", warn: "warn", error: "error", debug: "debug" };

/**
 * From now on, console.log/info/warn/error/debug — the app's, Next's, next-auth's — write JSON lines
 * through `logger`, with the same masking. The first Error among the arguments becomes `err`.
 * @param {import("pino").Logger} logger
 */
export function routeConsoleTo(logger) {
  const target = /** @type {Record<string, (...args: unknown[]) => void>} */ (/** @type {unknown} */ (console));
  for (const [name, level] of Object.entries(CONSOLE_LEVELS)) {
    target[name] = (...args) => {
      const err = args.find((a) => a instanceof Error);
      const rest = err ? args.filter((a) => a !== err) : args;
      // Next colours its own lines for a terminal: a log collector wants the text.
      const msg = stripVTControlCharacters(format(...rest)).trim();
      if (err) logger[level]({ source: "console", err }, msg || (err instanceof Error ? err.message : ""));
      else logger[level]({ source: "console" }, msg);
    };
  }
}
