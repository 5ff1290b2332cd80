import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, closeDatabase } from "@/db/client";
import { cliActor } from "@/lib/audit/record";
import { createBrand } from "@/lib/brands/brands";
import { createUser, setMembership } from "@/lib/team/users";
import { tempDir } from "../helpers/db";
import { freePort, serverCommand, waitForServer } from "@/lib/ops/next-server";

export const PASSWORD = "e2e-password-42";



// A production build served on a free port with its own database and its own people.
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("No production build: run `npm test` (it builds) or `npm run build`.");
  const dir = tempDir("replyhour-e2e-");
  const file = path.join(dir, "e2e.db");
  const db = openDatabase({ file });
  const brandA = await createBrand({ db, slug: "e2e-air", name: "E2E Air", timezone: "Europe/Amsterdam", actor: cliActor });
  const brandB = await createBrand({ db, slug: "e2e-other", name: "Other Brand", actor: cliActor });
  const people: Record<string, string> = {};
  for (const role of ["admin", "manager", "agent"] as const) {
    const email = `${role}@e2e.test`;
    const user = await createUser({ db, email, password: PASSWORD, name: `E2E ${role}`, actor: cliActor });
    await setMembership({ db, userId: user.id, brandId: brandA.id, role, actor: cliActor });
    people[role] = email;
  }
  const outsider = await createUser({ db, email: "outsider@e2e.test", password: PASSWORD, name: "Outsider", actor: cliActor });
  await setMembership({ db, userId: outsider.id, brandId: brandB.id, role: "admin", actor: cliActor });
  closeDatabase(db);

  const port = await freePort();
  // The server reads META_GRAPH_URL at send time; tests start a fake Graph API on this port.
  const metaGraphPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, serverCommand({ port, host: "127.0.0.1" }), {
    env: {
      ...process.env,
      DATABASE_PATH: file,
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
      CREDENTIALS_KEY: "e2e-credentials-key-0123456789abcdef",
      DEMO: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      META_APP_SECRET: "e2e-meta-secret",
      META_VERIFY_TOKEN: "e2e-verify",
      META_GRAPH_URL: `http://127.0.0.1:${metaGraphPort}`,
      // The fakes listen on 127.0.0.1 only; every other private address stays refused.
      OUTBOUND_ALLOW_HOSTS: "127.0.0.1",
      // The tests stand where a reverse proxy would: their X-Forwarded-For names the client.
      TRUSTED_PROXIES: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  try {
    await waitForServer(`${baseUrl}/login`, child, 90_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  project.provide("baseUrl", baseUrl);
  project.provide("databasePath", file);
  project.provide("people", people);
  project.provide("password", PASSWORD);
  project.provide("metaGraphPort", metaGraphPort);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode == null) child.kill("SIGKILL");
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databasePath: string;
    people: Record<string, string>;
    password: string;
    metaGraphPort: number;
  }
}
