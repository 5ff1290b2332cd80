import { closeDatabase } from "@/db/client";
import { operator } from "@/lib/auth/authorize";
import { formatDuration } from "@/lib/metrics/format";
import type { FrtSummary } from "@/lib/metrics/percentile";
import { responseTimeReport } from "@/lib/metrics/report";
import { parseArgs, runCli, UsageError } from "./lib/args";
import { STAFFING_USAGE, staffingCommand } from "./lib/staffing-cli";

const USAGE = `Usage: npm run --silent report -- response-time [--json] [--brand S] [--from ISO] [--to ISO] [--wall]\n       ${STAFFING_USAGE}`;

function dateFlag(flags: Record<string, string | true>, name: string): Date | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const date = typeof value === "string" ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--${name} must be an ISO date or time`);
  return date;
}

function stringFlag(flags: Record<string, string | true>, name: string): string | undefined {
  const value = flags[name];
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

function row(name: string, r: FrtSummary): string[] {
  const d = (s: number | null) => (s == null ? "—" : formatDuration({ seconds: s, locale: "en" }));
  const share = r.withinTargetShare == null ? "—" : `${(r.withinTargetShare * 100).toFixed(1)}%`;
  return [name, String(r.answered), String(r.unanswered), d(r.medianSeconds), d(r.p90Seconds), share];
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")).join("\n") + "\n";
}

runCli(async () => {
  // Boolean switches are taken out first so "--json response-time" cannot swallow the command.
  const argv = process.argv.slice(2);
  const switches = new Set<string>(argv.filter((arg) => arg === "--json" || arg === "--wall"));
  const { positional, flags } = parseArgs(argv.filter((arg) => !switches.has(arg)));
  if (switches.has("--json")) flags.json = true;
  if (switches.has("--wall")) flags.wall = true;
  if (positional[0] === "staffing" && positional.length === 1) {
    try {
      process.stdout.write(await staffingCommand(flags));
    } finally {
      closeDatabase();
    }
    return;
  }
  if (positional[0] !== "response-time" || positional.length > 1) throw new UsageError(USAGE);
  const known = new Set(["json", "brand", "from", "to", "wall"]);
  for (const key of Object.keys(flags)) if (!known.has(key)) throw new UsageError(`Unknown option --${key}. ${USAGE}`);
  const from = dateFlag(flags, "from");
  const to = dateFlag(flags, "to");
  if (from && to && from >= to) throw new UsageError("--from must be before --to");
  try {
    const report = await responseTimeReport({ actor: operator, brandSlug: stringFlag(flags, "brand"), from, to, wall: flags.wall === true });
    if (flags.json === true) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    const header = ["brand", "answered", "unanswered", "median", "p90", "within target"];
    const rows = Object.entries(report.brands).map(([slug, r]) => row(slug, r));
    process.stdout.write(table([header, ...rows, row("overall", report.overall)]));
  } finally {
    closeDatabase();
  }
});
