import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from "node:child_process";
import { SERVER_EXEC_ARGV } from "@/lib/ops/next-server";

/** Runs one of scripts/ as `npm run` does, in one node process with tsx as the servers run (the tsx wrapper and npx each start a second). */
export function runScript(script: string, args: string[], options: Omit<SpawnSyncOptionsWithStringEncoding, "encoding"> = {}) {
  return spawnSync(process.execPath, [...SERVER_EXEC_ARGV, script, ...args], { ...options, encoding: "utf8" });
}
