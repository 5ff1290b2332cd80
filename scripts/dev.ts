import { spawn } from "node:child_process";
import path from "node:path";
import { getDb, closeDb } from "@/db/client";
import { getSecrets } from "@/lib/security/secrets";
import { demoEnabled, saveDemoLogins } from "@/lib/seed/demo-logins";
import { createDemoWorkspace, isEmpty, seedHistory } from "@/lib/seed/seed-demo";
import { runCli } from "./lib/args";

async function main() {
  const db = getDb();
  if (demoEnabled() && isEmpty({ db })) {
    const { workspace, logins } = await createDemoWorkspace({ db });
    seedHistory({ db, workspace, now: Date.now() });
    saveDemoLogins(logins);
  }
  closeDb();
  const secrets = getSecrets();
  spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-p", process.env.PORT || "3000"], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: secrets.authSecret, CREDENTIALS_KEY: secrets.credentialsKey, NEXT_TELEMETRY_DISABLED: "1" },
  }).on("exit", (code) => process.exit(code ?? 0));
}

void runCli(main);
