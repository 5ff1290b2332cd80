import { spawn } from "node:child_process";
import path from "node:path";
import { closeDatabase } from "@/db/client";
import { getSecrets } from "@/lib/security/secrets";
import { demoEnabled, saveDemoLogins } from "@/lib/seed/demo-logins";
import { createDemoWorkspace, isEmpty, seedHistory } from "@/lib/seed/seed-demo";
import { runCli } from "./lib/args";

async function main() {
  if (demoEnabled() && (await isEmpty())) {
    const { workspace, logins } = await createDemoWorkspace();
    await seedHistory({ workspace, now: Date.now() });
    saveDemoLogins(logins);
  }
  closeDatabase();
  const secrets = getSecrets();
  spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-p", process.env.PORT || "3000"], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: secrets.authSecret, CREDENTIALS_KEY: secrets.credentialsKey, ERASURE_KEY: secrets.erasureKey, NEXT_TELEMETRY_DISABLED: "1" },
  }).on("exit", (code) => process.exit(code ?? 0));
}

void runCli(main);
