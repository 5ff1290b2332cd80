import { spawn } from "node:child_process";
import { closeDatabase, database, databaseLabel, databaseReady } from "@/db/client";
import { SERVER_EXEC_ARGV, SERVER_FILE, serverArgs } from "@/lib/ops/next-server";
import { getSecrets } from "@/lib/security/secrets";
import { demoEnabled, readDemoLogins, saveDemoLogins } from "@/lib/seed/demo-logins";
import { createDemoWorkspace, isEmpty, seedHistory } from "@/lib/seed/seed-demo";
import { ensureBuild } from "./lib/build";
import { runCli } from "./lib/args";
import { startCluster, webConcurrency } from "./lib/servers";

async function seedIfEmpty(): Promise<void> {
  if (!demoEnabled() || !(await isEmpty())) return;
  process.stderr.write("Seeding the demo workspace (two weeks of multilingual traffic)…\n");
  const started = Date.now();
  const { workspace, logins } = await createDemoWorkspace();
  const count = await seedHistory({
    workspace,
    now: Date.now(),
    onProgress: (done) => process.stderr.write(`\r  ${done} messages`),
  });
  saveDemoLogins(logins);
  process.stderr.write(`\rSeeded ${count} messages in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

async function main() {
  const processes = webConcurrency();
  const port = process.env.PORT || "3000";
  await databaseReady(database());
  process.stderr.write(`Database ${databaseLabel()} migrated\n`);
  await seedIfEmpty();
  await closeDatabase();
  const secrets = getSecrets();
  ensureBuild();
  const logins = readDemoLogins();
  // LISTEN_HOST (e.g. 127.0.0.1 behind a reverse proxy); all interfaces otherwise, as containers
  // need. HOSTNAME is not read: Docker sets it to the container id.
  const host = process.env.LISTEN_HOST?.trim();
  const args = serverArgs({ port, host });
  const env = { ...process.env, AUTH_SECRET: secrets.authSecret, CREDENTIALS_KEY: secrets.credentialsKey, ERASURE_KEY: secrets.erasureKey, NEXT_TELEMETRY_DISABLED: "1" };
  const child = processes > 1 ? undefined : spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER_FILE, ...args], { stdio: "inherit", env });
  const servers = processes > 1 ? startCluster({ count: processes, execArgv: SERVER_EXEC_ARGV, file: SERVER_FILE, args, env }) : undefined;
  process.stdout.write(`\nReplyhour is starting on http://${host && host !== "0.0.0.0" && host !== "::" ? (host.includes(":") ? `[${host}]` : host) : "localhost"}:${port}\n`);
  if (logins.length) {
    process.stdout.write("Demo logins (also shown on the sign-in page):\n");
    for (const login of logins) process.stdout.write(`  ${login.role.padEnd(8)} ${login.email}  ${login.password}\n`);
  }
  if (servers) process.stdout.write(`${processes} web processes share the port (WEB_CONCURRENCY)\n`);
  const stop = (signal: NodeJS.Signals) => (child ? child.kill(signal) : servers!.stop(signal));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child?.on("exit", (code) => process.exit(code ?? 0));
  void servers?.exited.then((code) => process.exit(code));
}

void runCli(main);
