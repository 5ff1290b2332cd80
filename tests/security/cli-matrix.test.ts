import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/db";
import { runScript } from "../helpers/cli";

// The CLIs act as the operator: every role, through the same authorize() and the same
// invariants as the app. Each command is listed here; the scan fails for one that is not.
type CliEntry = {
  /** Arguments naming a brand that does not exist: refused with one line, nothing written. */
  unknownBrand?: string[];
  /** Why the command names no brand. */
  noBrand?: string;
};

const CLI: Record<string, CliEntry> = {
  "admin brand create": { noBrand: "creates the brand" },
  "admin user create": { noBrand: "accounts belong to no brand until a membership" },
  "admin member add": { unknownBrand: ["admin", "member", "add", "--email", "ops@cli.test", "--brand", "nope", "--role", "agent"] },
  "admin token create": { unknownBrand: ["admin", "token", "create", "--brand", "nope", "--name", "t"] },
  "admin token revoke": { unknownBrand: ["admin", "token", "revoke", "--brand", "nope", "--name", "t"] },
  "admin channel create": { unknownBrand: ["admin", "channel", "create", "--brand", "nope", "--kind", "email", "--name", "Support"] },
  "admin channel list": { unknownBrand: ["admin", "channel", "list", "--brand", "nope"] },
  "admin backup": { noBrand: "copies the whole database, an operator's task" },
  "admin contact find": { unknownBrand: ["admin", "contact", "find", "--brand", "nope", "--query", "ann"] },
  "admin contact export": { unknownBrand: ["admin", "contact", "export", "--brand", "nope", "--contact", "1"] },
  "admin contact erase": { unknownBrand: ["admin", "contact", "erase", "--brand", "nope", "--contact", "1", "--reason", "asked"] },
  "admin retention show": { unknownBrand: ["admin", "retention", "show", "--brand", "nope"] },
  "admin retention set": { unknownBrand: ["admin", "retention", "set", "--brand", "nope", "--months", "12", "--yes"] },
  "import --format twcs": { noBrand: "makes one brand per responding company" },
  "import --format jsonl": { unknownBrand: ["import", "--format", "jsonl", "FILE", "--brand", "nope"] },
  "report response-time": { unknownBrand: ["report", "response-time", "--json", "--brand", "nope"] },
};

const SCRIPTS: Record<string, string> = { admin: "scripts/admin.ts", import: "scripts/import.ts", report: "scripts/report.ts" };

// The commands a script's usage text offers: "  brand create --slug …" lines, or --format choices.
function scanCommands(): string[] {
  const out: string[] = [];
  for (const [name, file] of Object.entries(SCRIPTS)) {
    const usage = /const USAGE = `([\s\S]*?)`/.exec(fs.readFileSync(file, "utf8"))?.[1] ?? "";
    if (name === "import") {
      for (const format of /--format ([\w|]+)/.exec(usage)![1].split("|")) out.push(`import --format ${format}`);
      continue;
    }
    if (name === "report") {
      out.push(`report ${/report -- ([\w-]+)/.exec(usage)![1]}`);
      continue;
    }
    for (const line of usage.split("\n").slice(1)) {
      const words = line.trim().split(/\s+/).filter((w) => /^[a-z]+$/.test(w));
      const command = line.trim().startsWith("backup") ? ["backup"] : words.slice(0, 2);
      if (command.length) out.push(`${name} ${command.join(" ")}`);
    }
  }
  return out.sort();
}

function run(file: string, args: string[]) {
  const [script, ...rest] = args;
  const result = runScript(SCRIPTS[script], rest, { env: { ...process.env, DATABASE_PATH: file } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fingerprint(file: string): string {
  const db = new Database(file, { readonly: true });
  const hash = crypto.createHash("sha256");
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) hash.update(table + JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all()));
  db.close();
  return hash.digest("hex");
}

let file: string;
let events: string;
beforeAll(() => {
  const dir = tempDir("replyhour-cli-");
  file = path.join(dir, "cli.db");
  events = path.join(dir, "events.jsonl");
  fs.writeFileSync(events, JSON.stringify({ externalId: "e1", text: "Where is my order?", createdAt: new Date().toISOString(), author: { id: "c1" } }) + "\n");
  expect(run(file, ["admin", "brand", "create", "--slug", "real", "--name", "Real"]).code).toBe(0);
  expect(run(file, ["admin", "user", "create", "--email", "ops@cli.test", "--password", "a-strong-pass-9"]).code).toBe(0);
}, 60_000);

describe("the CLI table", () => {
  it("lists every command the CLIs offer, and nothing else", () => {
    const commands = scanCommands();
    expect(commands.filter((c) => !(c in CLI)), "commands without an entry").toEqual([]);
    expect(Object.keys(CLI).filter((c) => !commands.includes(c)), "stale entries").toEqual([]);
  });

  it("every brand-scoped CLI goes through authorize() as the operator", () => {
    for (const script of new Set(Object.entries(CLI).filter(([, e]) => e.unknownBrand).map(([c]) => c.split(" ")[0]))) {
      const source = fs.readFileSync(SCRIPTS[script], "utf8");
      const calls = /authorize\(\{ actor: operator\b/.test(source) || /actor: operator\b/.test(source);
      expect(calls, `${SCRIPTS[script]} acts as the operator`).toBe(true);
    }
  });
});

describe.each(Object.entries(CLI).filter(([, e]) => e.unknownBrand))("CLI %s", (_command, entry) => {
  it("refuses a brand that does not exist with one line, changing nothing", () => {
    const before = fingerprint(file);
    const result = run(file, entry.unknownBrand!.map((a) => (a === "FILE" ? events : a)));
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/brand/i);
    expect(fingerprint(file)).toBe(before);
  }, 60_000);
});
