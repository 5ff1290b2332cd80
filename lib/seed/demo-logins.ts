import fs from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/client";

export type DemoLogin = { role: "admin" | "manager" | "agent"; email: string; password: string; name: string };

function file(): string {
  return path.join(path.dirname(databasePath()), "demo-logins.json");
}

export function demoEnabled(): boolean {
  return process.env.DEMO !== "0";
}

// Demo passwords are generated per installation and kept beside the database, owner-only.
export function saveDemoLogins(logins: DemoLogin[]): void {
  fs.mkdirSync(path.dirname(file()), { recursive: true });
  fs.writeFileSync(file(), JSON.stringify(logins, null, 2), { mode: 0o600 });
}

export function readDemoLogins(): DemoLogin[] {
  if (!demoEnabled()) return [];
  try {
    return JSON.parse(fs.readFileSync(file(), "utf8")) as DemoLogin[];
  } catch {
    return [];
  }
}
