// UTC offsets of an IANA zone from Intl alone. Transitions are found once per zone and UTC year
// (daily samples, then a binary search to the second) and cached, so later look-ups are cheap.
const SECOND = 1000;
const DAY = 86_400_000;
// A segment never reaches further than this past its start, so a zone that starts observing
// DST after a long quiet stretch is still noticed.
const LOOKAHEAD_YEARS = 2;

type YearTable = { offsetAtStart: number; transitions: { at: number; offset: number }[] };

const formatters = new Map<string, Intl.DateTimeFormat>();
const tables = new Map<string, YearTable>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone({ timeZone }: { timeZone: string }): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset in ms (local wall clock minus UTC) read straight from Intl. */
export function readOffset({ timeZone, at }: { timeZone: string; at: number }): number {
  const whole = Math.floor(at / SECOND) * SECOND;
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(whole))) fields[part.type] = part.value;
  const year = fields.era === "BC" || fields.era === "B" ? 1 - Number(fields.year) : Number(fields.year);
  const local = new Date(0);
  local.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
  local.setUTCHours(Number(fields.hour), Number(fields.minute), Number(fields.second), 0);
  return local.getTime() - whole;
}

function yearStart(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime();
}

function buildTable(timeZone: string, year: number): YearTable {
  const start = yearStart(year);
  const end = yearStart(year + 1);
  const offsetAtStart = readOffset({ timeZone, at: start });
  const transitions: YearTable["transitions"] = [];
  let previousAt = start;
  let previousOffset = offsetAtStart;
  for (let at = start + DAY; previousAt < end; at = Math.min(at + DAY, end)) {
    const offset = readOffset({ timeZone, at });
    if (offset !== previousOffset) {
      let low = previousAt;
      let high = at;
      while (high - low > SECOND) {
        const middle = low + Math.floor((high - low) / 2 / SECOND) * SECOND;
        if (readOffset({ timeZone, at: middle }) === previousOffset) low = middle;
        else high = middle;
      }
      if (high < end) transitions.push({ at: high, offset });
      previousOffset = offset;
    }
    previousAt = at;
  }
  return { offsetAtStart, transitions };
}

function tableFor(timeZone: string, year: number): YearTable {
  const key = `${timeZone}|${year}`;
  let table = tables.get(key);
  if (!table) {
    table = buildTable(timeZone, year);
    tables.set(key, table);
  }
  return table;
}

/** The UTC offset in force at `at` and the instant it stops being in force (exclusive). */
export function offsetSegment({ timeZone, at }: { timeZone: string; at: number }): {
  offsetMs: number;
  endsAt: number;
} {
  const year = new Date(at).getUTCFullYear();
  const table = tableFor(timeZone, year);
  let offsetMs = table.offsetAtStart;
  let endsAt = Number.NaN;
  for (const transition of table.transitions) {
    if (transition.at <= at) offsetMs = transition.offset;
    else {
      endsAt = transition.at;
      break;
    }
  }
  for (let next = year + 1; Number.isNaN(endsAt) && next <= year + LOOKAHEAD_YEARS; next++) {
    const later = tableFor(timeZone, next);
    if (later.offsetAtStart !== offsetMs) endsAt = yearStart(next);
    else if (later.transitions.length > 0) endsAt = later.transitions[0].at;
  }
  if (Number.isNaN(endsAt)) endsAt = yearStart(year + LOOKAHEAD_YEARS + 1);
  return { offsetMs, endsAt };
}
