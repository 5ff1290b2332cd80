import { stringify } from "csv-stringify/sync";
import type { DashboardData } from "./dashboard";

export const TABLES = ["daily", "volume", "mix", "heatmap", "agents", "escalations"] as const;
export type TableName = (typeof TABLES)[number];
export type Cell = string | number | null;
export type DataTable = { title: string; header: string[]; rows: Cell[][] };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const share = (value: number | null) => (value == null ? null : Math.round(value * 10_000) / 10_000);

/** Every dashboard table as plain rows: the CSV export and the charts' text alternatives share them. */
export function dashboardTable({ data, name }: { data: DashboardData; name: TableName }): DataTable {
  switch (name) {
    case "daily":
      return {
        title: "First response by day",
        header: ["day", "answered", "unanswered", "median_seconds", "p90_seconds", "within_target_share"],
        rows: data.daily.map((d) => [d.day, d.answered, d.unanswered, d.medianSeconds, d.p90Seconds, share(d.withinTargetShare)]),
      };
    case "volume": {
      const names = [...new Set(data.volume.flatMap((v) => Object.keys(v.byChannel)))].sort();
      return {
        title: "Inbound messages by channel",
        header: ["day", "total", ...names],
        rows: data.volume.map((v) => [v.day, v.total, ...names.map((n) => v.byChannel[n] ?? 0)]),
      };
    }
    case "mix":
      return {
        title: "Requests, noise and corrected classifications",
        header: ["day", "inbound", "requests", "noise", "request_share", "corrected", "corrected_share", "corrected_to_request", "noise_corrected_share", "corrected_to_noise", "requests_corrected_share"],
        rows: data.mix.map((m) => [
          m.day, m.inbound, m.requests, m.noise, share(m.requestShare), m.corrected, share(m.correctedShare),
          m.toRequest, share(m.toRequestShare), m.toNoise, share(m.toNoiseShare),
        ]),
      };
    case "heatmap":
      return {
        title: "New requests and median first response by weekday and hour",
        header: ["weekday", "hour", "new_requests", "median_seconds"],
        rows: data.heatmap.map((c) => [WEEKDAYS[c.weekday], c.hour, c.arrivals, c.medianSeconds]),
      };
    case "agents":
      return {
        title: "Agents",
        header: ["agent", "replies", "answered_first", "median_first_response_seconds", "resolved", "reopened"],
        rows: data.agents.map((a) => [a.name, a.replies, a.answeredFirst, a.medianFirstResponseSeconds, a.resolved, a.reopened]),
      };
    case "escalations":
      return {
        title: "Escalations by day",
        header: ["day", "created", "acknowledged", "median_acknowledge_seconds"],
        rows: data.escalations.daily.map((d) => [d.day, d.created, d.acknowledged, d.medianAckSeconds]),
      };
  }
}

// A spreadsheet runs text that starts with one of these as a formula: a leading quote keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string | number | null {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * RFC 4180 (csv-stringify: CRLF between records; quoted when a field holds a comma, a quote or a
 * line break, which csv-stringify leaves bare unless told), every text cell guarded against formulas.
 */
export function toCsv(table: DataTable): string {
  return stringify([table.header, ...table.rows].map((row) => row.map(csvCell)), { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}
