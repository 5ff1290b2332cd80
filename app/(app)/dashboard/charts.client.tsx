"use client";

import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat, useT } from "@/app/_components/i18n.client";
import type { Formatter } from "@/lib/i18n/format";

const COLORS = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#4b5563", "#db2777", "#65a30d"];
// Days are calendar dates (YYYY-MM-DD) of the brand's zone: read at UTC so the date stays the same.
const shortDay = (format: Formatter) => (day: string) => format.dateTime(Date.parse(`${day}T00:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
const fmt = (unit: string, format: Formatter) => (value: unknown) => (typeof value === "number" ? `${format.number(value, { maximumFractionDigits: 1 })}${unit}` : "—");

export type ResponsePoint = { day: string; median: number | null; p90: number | null; within: number | null };

const noSubscription = () => () => {};

// A chart sizes itself to its box in the browser; on the server it would build its whole state to
// draw nothing. So the server sends the empty box, and the chart mounts in it once the page hydrates.
function useInBrowser(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

// The charts are hidden from assistive tech (the tables beside them carry the numbers), so nothing in them may take focus.

/** Minutes on the left axis, share within target (%) on the right. */
export function ResponseChart({ data }: { data: ResponsePoint[] }) {
  const t = useT();
  const format = useFormat();
  const min = t("dashboard.chart.min");
  const inBrowser = useInBrowser();
  return (
    <div className="h-64" aria-hidden="true">
      {inBrowser && (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="day" tickFormatter={shortDay(format)} fontSize={11} />
            <YAxis yAxisId="min" fontSize={11} unit={min} width={60} />
            <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} fontSize={11} unit="%" width={44} />
            <Tooltip formatter={(value, name, item) => [fmt(item.dataKey === "within" ? "%" : min, format)(value), name]} />
            <Legend />
            <Line yAxisId="min" type="monotone" dataKey="median" name={t("dashboard.chart.median")} stroke={COLORS[0]} strokeWidth={2} connectNulls dot={false} />
            <Line yAxisId="min" type="monotone" dataKey="p90" name={t("dashboard.chart.p90")} stroke={COLORS[2]} strokeWidth={2} strokeDasharray="5 3" connectNulls dot={false} />
            <Line yAxisId="pct" type="monotone" dataKey="within" name={t("dashboard.chart.within")} stroke={COLORS[1]} strokeWidth={2} connectNulls dot={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}

export function VolumeChart({ data, channels }: { data: Record<string, string | number>[]; channels: string[] }) {
  const format = useFormat();
  const inBrowser = useInBrowser();
  return (
    <div className="h-64" aria-hidden="true">
      {inBrowser && (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="day" tickFormatter={shortDay(format)} fontSize={11} />
            <YAxis fontSize={11} allowDecimals={false} width={48} />
            <Tooltip />
            <Legend />
            {channels.map((name, i) => (
              <Bar key={name} dataKey={name} stackId="volume" fill={COLORS[i % COLORS.length]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}

export type MixPoint = { day: string; requestShare: number | null; toRequestShare: number | null; toNoiseShare: number | null };

export function MixChart({ data }: { data: MixPoint[] }) {
  const t = useT();
  const format = useFormat();
  const inBrowser = useInBrowser();
  return (
    <div className="h-56" aria-hidden="true">
      {inBrowser && (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="day" tickFormatter={shortDay(format)} fontSize={11} />
            <YAxis domain={[0, 100]} unit="%" fontSize={11} width={48} />
            <Tooltip formatter={(value, name) => [fmt("%", format)(value), name]} />
            <Legend />
            <Line type="monotone" dataKey="requestShare" name={t("dashboard.chart.requests")} stroke={COLORS[0]} strokeWidth={2} connectNulls dot={false} />
            <Line type="monotone" dataKey="toRequestShare" name={t("dashboard.chart.toRequest")} stroke={COLORS[3]} strokeWidth={2} connectNulls dot={false} />
            <Line type="monotone" dataKey="toNoiseShare" name={t("dashboard.chart.toNoise")} stroke={COLORS[4]} strokeWidth={2} strokeDasharray="4 3" connectNulls dot={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
