import { sql, type Column, type Placeholder } from "drizzle-orm";

// A timestamp column as stored, milliseconds since the epoch: escalation code subtracts and
// compares instants, and hands them to pages as numbers.
export const epochMs = (column: Column) => sql<number>`${column}`.mapWith(Number);

export const epochMsOrNull = (column: Column) => sql<number | null>`${column}`.mapWith(Number);

// A level that only ever goes up (the larger of the stored one and `level`), said portably.
export const raisedLevel = (column: Column, level: number | Placeholder) => sql<number>`CASE WHEN ${column} < ${level} THEN ${level} ELSE ${column} END`;
