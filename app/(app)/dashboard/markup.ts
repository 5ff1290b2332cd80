// The dashboard's tables are static text: hundreds of cells that React would otherwise turn into
// elements, serialise into the page's payload and render again to HTML for every page. They are
// written once as HTML per kept figures and language, every value escaped.

// Keyed by the figures' own rows: figure-cache makes new rows whenever the brand's change log
// moves (or the figures expire), so markup lives exactly as long as the figures it shows.
const kept = new WeakMap<object, Map<string, string>>();

/** `render()` once per `rows` object and `key` (what else the markup depends on: table, language). */
export function keptMarkup({ rows, key, render }: { rows: object; key: string; render: () => string }): string {
  let byKey = kept.get(rows);
  if (!byKey) kept.set(rows, (byKey = new Map()));
  let html = byKey.get(key);
  if (html === undefined) byKey.set(key, (html = render()));
  return html;
}
