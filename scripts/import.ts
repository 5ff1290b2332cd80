import path from "node:path";
import { closeDatabase } from "@/db/client";
import { importTwcs } from "@/lib/ingest/import/twcs";
import { importJsonl } from "@/lib/ingest/import/jsonl";
import { operator } from "@/lib/auth/authorize";
import { createProgressBar } from "@/lib/ingest/import/progress";
import { parseArgs, requireFlag, runCli, UsageError } from "./lib/args";

const USAGE = `Usage: npm run --silent import -- --format twcs|jsonl FILE [--brand S]
  twcs   Kaggle "Customer Support on Twitter" CSV: one brand per responding company
  jsonl  one InboundEvent per line into --brand S (required)`;

async function main() {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  const format = requireFlag(flags, "format");
  const file = positional[0];
  if (!file || (format !== "twcs" && format !== "jsonl")) throw new UsageError(USAGE);
  const bar = createProgressBar();
  const onProgress = ({ phase, done, total }: { phase: string; done: number; total: number }) =>
    bar.update({ label: phase === "read" ? "reading" : "storing", done, total });
  try {
    if (format === "twcs") {
      const summary = await importTwcs({ file: path.resolve(file), onProgress });
      if (summary.skippedRows) process.stderr.write(`skipped ${summary.skippedRows} malformed rows\n`);
      process.stdout.write(`${JSON.stringify({ format: summary.format, brands: summary.brands })}\n`);
      return;
    }
    const brandSlug = flags.brand;
    if (typeof brandSlug !== "string" || !brandSlug) throw new UsageError("jsonl needs --brand S");
    const summary = await importJsonl({
      actor: operator,
      file: path.resolve(file),
      brandSlug,
      onProgress,
      onInvalid: ({ line, message }) => process.stderr.write(`line ${line}: ${message}\n`),
    });
    process.stdout.write(`${JSON.stringify({ format: summary.format, brands: summary.brands })}\n`);
    if (summary.invalid.length) {
      process.stderr.write(`${summary.invalid.length} invalid lines skipped\n`);
      process.exitCode = 1;
    }
  } finally {
    closeDatabase();
  }
}

void runCli(main);
