import fs from "node:fs";
import { closeDatabase, databasePath, openDatabase } from "@/db/client";
import { engineKind, isPostgresUrl } from "@/db/engine";
import { parseArgs, requireFlag, runCli, UsageError } from "./lib/args";
import { copyToPostgres } from "@/db/copy";

// npm run db:copy -- --to postgres://…  copies the SQLite installation of DATABASE_PATH into an
// empty PostgreSQL database; run it again after an interruption and it resumes.
async function main() {
  const { flags } = parseArgs(process.argv.slice(2));
  const url = requireFlag(flags, "to");
  if (!isPostgresUrl(url)) throw new UsageError("--to takes a postgres:// URL");
  if (engineKind() !== "sqlite") throw new UsageError("db:copy reads the SQLite file of DATABASE_PATH: unset DATABASE_URL for it.");
  const file = databasePath();
  if (!fs.existsSync(file)) throw new UsageError(`No SQLite database at ${file} (set DATABASE_PATH).`);
  // Brings the file to the current schema version, the one the PostgreSQL migrations create.
  await closeDatabase(openDatabase({ file }));
  const started = Date.now();
  const report = await copyToPostgres({ file, url, log: (line) => process.stderr.write(line) });
  const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
  process.stderr.write(`${report.resumed ? "Resumed and copied" : "Copied"} ${rows} rows in ${report.tables.length} tables in ${Math.round((Date.now() - started) / 1000)} s; every table's row count and checksum match.\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

void runCli(main);
