// @ts-check
/*
 * What a server process must stop before it exits, and whether it is stopping. The app code
 * registers its timers and its database at start (instrumentation.ts); the production server
 * (ops/server.mjs) runs them on SIGTERM, once the requests in flight are over. Kept on globalThis:
 * the server and the app bundle load this file as two module instances.
 */

/**
 * @typedef {{ forced: boolean }} HowStopping forced: requests still running were cut (the drain's limit)
 * @typedef {{ name: string, stop: (how: HowStopping) => unknown }} ShutdownHook
 * @typedef {{ hooks: ShutdownHook[], stopping: boolean, started: Promise<void>, settle: (error?: unknown) => void }} Lifecycle
 */

/** @returns {Lifecycle} */
function lifecycle() {
  const key = Symbol.for("psc.lifecycle");
  const holder = /** @type {Record<symbol, Lifecycle | undefined>} */ (/** @type {unknown} */ (globalThis));
  if (!holder[key]) {
    /** @type {(error?: unknown) => void} */
    let settle = () => {};
    /** @type {Promise<void>} */
    const started = new Promise((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    started.catch(() => {}); // read by the production server only; `next dev` never awaits it
    holder[key] = { hooks: [], stopping: false, started, settle };
  }
  return holder[key];
}

/**
 * instrumentation.ts says here when its start-up work (environment, database) is over, or why it
 * failed. Next runs that work in the background as the server is created; the production server
 * waits for it before it listens, so that it never accepts a request it cannot serve.
 * @param {unknown} [error]
 */
export function startUpDone(error) {
  lifecycle().settle(error);
}

/** Resolves when the app's start-up work is over; rejects with its error. */
export function startedUp() {
  return lifecycle().started;
}

/**
 * Runs `stop` when the process stops, after the requests in flight (last registered, first run).
 * @param {string} name what it stops, in French, for the logs
 * @param {(how: HowStopping) => unknown} stop
 */
export function onShutdown(name, stop) {
  lifecycle().hooks.push({ name, stop });
}

/** True from SIGTERM on: the health check answers 503 so that a load balancer stops sending. */
export function isStopping() {
  return lifecycle().stopping;
}

export function markStopping() {
  lifecycle().stopping = true;
}

/**
 * Runs every hook, newest first; one that fails or hangs past `timeoutMs` does not stop the others.
 * @param {{ info: (obj: object, msg: string) => void, warn: (obj: object, msg: string) => void }} log
 * @param {HowStopping} [how]
 * @returns {Promise<boolean>} true if every hook finished
 */
export async function runShutdownHooks(log, how = { forced: false }, timeoutMs = 5_000) {
  const hooks = lifecycle().hooks.splice(0).reverse();
  let clean = true;
  for (const hook of hooks) {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    try {
      await Promise.race([
        Promise.resolve(how).then(hook.stop),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`pas terminé en ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      log.info({ hook: hook.name }, "arrêt : terminé");
    } catch (error) {
      clean = false;
      log.warn({ err: error, hook: hook.name }, `arrêt : « ${hook.name} » en échec`);
    } finally {
      clearTimeout(timer);
    }
  }
  return clean;
}
