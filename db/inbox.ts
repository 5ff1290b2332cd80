import type { Column, SQL, SQLWrapper } from "drizzle-orm";
import { engineOf, type Db } from "./client";
import { engineKind } from "./engine";
import * as postgres from "./postgres/inbox";
import * as sqlite from "./sqlite/inbox";

// The inbox's engine-specific SQL. Fragments are built before a handle is at hand: they follow
// the process's engine, which is the one its tables are built for (db/engine.ts).
const fragments = () => (engineKind() === "postgres" ? postgres : sqlite);
const on = (db: Db) => (engineOf(db).kind === "postgres" ? postgres : sqlite);

export const skipIndex = (column: Column) => fragments().skipIndex(column);
export const inIdList = (column: Column, ids: readonly number[] | SQL) => fragments().inIdList(column, ids);
// The value bound to an inIdList placeholder of a prepared query.
export const idList = (ids: readonly number[]): unknown => fragments().idList(ids);
export const jsonArrayHas = (column: Column, value: string | SQL) => fragments().jsonArrayHas(column, value);
// Whether a walk of an index range reads each conversation's row (PostgreSQL's indexes hold no
// row id, SQLite's do): then checking the filters during the walk costs nothing more.
export const rangeWalkReadsRows = (): boolean => fragments().RANGE_WALK_READS_ROWS;
// Whether each statement is a round trip to a server (PostgreSQL), so that a page's walks of
// several index ranges are better said as one statement.
export const walksTogether = (): boolean => fragments().STATEMENT_IS_ROUND_TRIP;
export const recentLabels = (db: Db, query: { brandId: number; recent: number; limit: number }) => on(db).recentLabels(db, query);
export const queryPlan = (db: Db, query: SQLWrapper) => on(db).queryPlan(db, query);
