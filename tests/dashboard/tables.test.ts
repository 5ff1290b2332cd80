import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "@/app/(app)/dashboard/data-table";
import { Heatmap } from "@/app/(app)/dashboard/heatmap";
import { escapeHtml } from "@/lib/security/html";
import type { DashboardData, HeatCell } from "@/lib/metrics/dashboard";
import { translator, type Locale } from "@/lib/i18n/messages";

const HOSTILE = `<img src=x onerror="alert(1)"> & 'Bob'`;

function figures(agentName = HOSTILE): DashboardData {
  const summary = { answered: 3, unanswered: 1, medianSeconds: 1800, p90Seconds: 5400, withinTargetShare: 2 / 3 };
  return {
    channels: [{ id: 1, name: "<b>Web</b>", kind: "web" }],
    total: summary,
    daily: [{ day: "2026-03-02", ...summary }, { day: "2026-03-03", answered: 0, unanswered: 0, medianSeconds: null, p90Seconds: null, withinTargetShare: null }],
    volume: [{ day: "2026-03-02", total: 1234, byChannel: { "<b>Web</b>": 1234 } }],
    mix: [],
    heatmap: Array.from({ length: 168 }, (_, i): HeatCell => ({ weekday: Math.floor(i / 24), hour: i % 24, arrivals: i === 0 ? 7 : 0, medianSeconds: i === 0 ? 600 : null })),
    agents: [{ userId: 1, name: agentName, replies: 12, answeredFirst: 5, medianFirstResponseSeconds: 300, resolved: 4, reopened: 0 }],
    escalations: { openNow: 0, unacknowledgedNow: 0, oldestUnacknowledgedSeconds: null, created: 1, acknowledged: 1, medianAckSeconds: 60, p90AckSeconds: 60, daily: [{ day: "2026-03-02", created: 1, acknowledged: 1, medianAckSeconds: 3600 }] },
  } as DashboardData;
}

const table = (data: DashboardData, name: Parameters<typeof DataTable>[0]["name"], locale: Locale = "en", framed = false) =>
  renderToStaticMarkup(createElement(DataTable, { data, name, locale, framed }));
const cells = (html: string) => [...html.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);

describe("dashboard tables", () => {
  it("escapes every text and attribute value", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    const agents = table(figures(), "agents");
    expect(agents).not.toContain("<img");
    expect(cells(agents)[0]).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;Bob&#39;");
    const volume = table(figures(), "volume");
    expect(volume).not.toContain("<b>");
    expect(volume).toContain("<th scope=\"col\">&lt;b&gt;Web&lt;/b&gt;</th>");
  });

  it("writes the caption, the header in the reader's language and one formatted cell per value", () => {
    const daily = table(figures(), "daily");
    expect(daily).toMatch(/^<table class="[^"]+"><caption class="sr-only">First response by day<\/caption><thead><tr>(<th scope="col">[^<]+<\/th>){6}<\/tr><\/thead>/);
    expect([...daily.matchAll(/<tr>/g)]).toHaveLength(3);
    expect(cells(daily)).toEqual(["2 Mar 2026", "3", "1", "30 min", "1 h 30 min", "66.7%", "3 Mar 2026", "0", "0", "—", "—", "—"]);
    expect(cells(table(figures(), "volume"))).toEqual(["2 Mar 2026", "1,234", "1,234"]);
    // The escalations' days read as the CSV writes them.
    expect(cells(table(figures(), "escalations"))).toEqual(["2026-03-02", "1", "1", "1 h"]);
    const ru = table(figures(), "daily", "ru");
    expect(ru).toContain(`<caption class="sr-only">${translator("ru")("dashboard.tableTitle.daily")}</caption>`);
    expect(ru).toContain(`<th scope="col">${translator("ru")("dashboard.column.answered")}</th>`);
  });

  it("frames a table of its own in a focusable region named by its caption", () => {
    expect(table(figures(), "agents", "en", true)).toMatch(/^<div class="[^"]*overflow-x-auto[^"]*" tabindex="0" role="region" aria-label="Agents"><table /);
  });

  it("keeps a table's markup for the same figures and writes it again for new ones", () => {
    const data = figures("Ann");
    const first = table(data, "agents");
    // The same rows are not read again: a change behind their back does not show...
    data.agents[0].name = "Changed";
    expect(table(data, "agents")).toBe(first);
    // ...while figures computed anew (new rows after a change of the brand) do, as does another language.
    expect(cells(table({ ...data, agents: [{ ...data.agents[0] }] }, "agents"))[0]).toBe("Changed");
    expect(table(data, "agents", "bg")).not.toBe(first);
  });

  it("shades and labels the heatmap cells, with a tip that names both figures", () => {
    const html = renderToStaticMarkup(createElement(Heatmap, { cells: figures().heatmap, metric: "median", caption: "Median <first> response", locale: "en" }));
    expect(html).toContain("<caption class=\"sr-only\">Median &lt;first&gt; response</caption>");
    expect([...html.matchAll(/<td /g)]).toHaveLength(168);
    expect(html).toContain(`<td title="Mon 0:00 — 7 new requests, median first response 10 min" style="--a:0.6">10m</td>`);
    expect(html).toContain(`style="--a:0"></td>`);
    expect(html).toContain("[&amp;_td]:bg-[rgba(220,38,38,var(--a))]");
  });

  it("says one new request in the singular", () => {
    const cells = figures().heatmap.map((c, i) => (i === 1 ? { ...c, arrivals: 1, medianSeconds: 60 } : c));
    const html = renderToStaticMarkup(createElement(Heatmap, { cells, metric: "arrivals", caption: "New requests", locale: "en" }));
    expect(html).toContain(`title="Mon 1:00 — 1 new request, median first response 1 min"`);
    expect(html).toContain("[&amp;_td]:bg-[rgba(37,99,235,var(--a))]");
  });
});
