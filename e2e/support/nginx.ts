import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../tests/support/free-port";
import { answersHealthCheck } from "./app-process";

/*
 * The production nginx configuration (deploy/nginx/psc.conf), run as is on 127.0.0.1 by a user
 * without root's paths: only its « à adapter » lines are replaced (the app's ports, the port it
 * listens on, its cache folders), each checked to have been found once — so a change to the file
 * is what the tests run. Around it, a minimal main configuration of its own: pid, logs and
 * temporary files in a temporary folder.
 */
const root = path.resolve(import.meta.dirname, "../..");
export const nginxBinary = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
export const nginxAvailable = existsSync(nginxBinary);

export interface Nginx {
  base: string;
  port: number;
  /** nginx's error log so far (for a failure's message). */
  errors(): string;
  stop(): Promise<void>;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`));
  if (matches?.length !== 1) throw new Error(`deploy/nginx/psc.conf : ${pattern} trouvé ${matches?.length ?? 0} fois, attendu 1`);
  return text.replace(pattern, replacement);
}

/** The site's configuration for these app ports, this listening port and this folder. */
export function siteConfig(appPorts: [number, number], port: number, dir: string): string {
  let site = readFileSync(path.join(root, "deploy/nginx/psc.conf"), "utf8");
  site = replaceOnce(site, /server 127\.0\.0\.1:3000 /, `server 127.0.0.1:${appPorts[0]} `);
  site = replaceOnce(site, /server 127\.0\.0\.1:3001 /, `server 127.0.0.1:${appPorts[1]} `);
  site = replaceOnce(site, /listen 80;/, `listen 127.0.0.1:${port};`);
  site = replaceOnce(site, /server_name social\.aurillac\.fr;/, "server_name 127.0.0.1;");
  site = replaceOnce(site, /\/var\/cache\/nginx\/psc /, `${dir}/cache-pages `);
  site = replaceOnce(site, /\/var\/cache\/nginx\/psc-static /, `${dir}/cache-static `);
  return site;
}

/** Starts nginx in front of two app processes on a free port; resolves when it answers. */
export async function startNginx(appPorts: [number, number], port?: number): Promise<Nginx> {
  const listen = port ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), "psc-nginx-"));
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub));
  writeFileSync(path.join(dir, "psc.conf"), siteConfig(appPorts, listen, dir));
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      // As root (CI), nginx would hand its workers to `nobody`, who cannot write this folder.
      ...(process.getuid?.() === 0 ? ["user root;"] : []),
      "worker_processes 1;",
      "daemon off;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 256; }",
      "http {",
      `  access_log ${dir}/access.log;`,
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/psc.conf;`,
      "}",
      "",
    ].join("\n"),
  );
  let output = "";
  const child: ChildProcess = spawn(nginxBinary, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const base = `http://127.0.0.1:${listen}`;
  const errors = () => output + (existsSync(path.join(dir, "error.log")) ? readFileSync(path.join(dir, "error.log"), "utf8") : "");
  const nginx: Nginx = {
    base,
    port: listen,
    errors,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (await answersHealthCheck(base, child, 15_000, () => `nginx s'est arrêté (${child.exitCode}) :\n${errors()}`)) return nginx;
  await nginx.stop();
  throw new Error(`nginx ne répond pas en 15 s :\n${errors()}`);
}
