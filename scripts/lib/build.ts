import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const SOURCES = ["app", "lib", "db", "drizzle", "proxy.ts", "instrumentation.ts", "next.config.mjs", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const DIST = process.env.NEXT_DIST_DIR || ".next";
const STAMP = path.join(DIST, "replyhour-source-hash");

function walk(entry: string, out: string[]): void {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) for (const name of fs.readdirSync(entry).sort()) walk(path.join(entry, name), out);
  else out.push(entry);
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(source, files);
  const hash = crypto.createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

// Builds the production app when there is no build for the current sources.
export function ensureBuild({ force = false }: { force?: boolean } = {}): void {
  const hash = sourceHash();
  const fresh = fs.existsSync(path.join(DIST, "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (fresh && !force) return;
  process.stderr.write("Building the production app (first start or changed sources)…\n");
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: ["ignore", process.stderr, process.stderr],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", REPLYHOUR_WORKER: "0" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  fs.writeFileSync(STAMP, hash);
  process.stderr.write(`Built in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
