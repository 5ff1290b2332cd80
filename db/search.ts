import type { SQL } from "drizzle-orm";
import { engineOf, type Db } from "./client";
import { engineKind } from "./engine";
import * as postgres from "./postgres/fts";
import * as sqlite from "./sqlite/fts";

// Full-text search over message texts, on the handle's engine (FTS5 on SQLite, tsvector + GIN on
// PostgreSQL): the same words find the same conversations, newest first, within the brand.
const on = (db: Db) => (engineOf(db).kind === "postgres" ? postgres : sqlite);

export const indexNewMessages = (db: Db, now?: number) => on(db).indexNewMessages(db, now);
/**
 * At the end of a transaction that wrote messages, so they are found once it commits: SQLite
 * indexes them (FTS5); PostgreSQL's GIN index took them with the insert, and the worker moves the
 * cursor (writing it here made every writing transaction wait on one row).
 */
export const indexWrittenMessages = async (db: Db, now?: number): Promise<void> => {
  if (engineOf(db).kind !== "postgres") await sqlite.indexNewMessages(db, now);
};
// The hits as a subquery of a larger (prepared) query: `match` from searchMatch, either value may be a placeholder.
export const searchMatch = (brandId: number, words: readonly string[]) => (engineKind() === "postgres" ? postgres : sqlite).searchMatch(brandId, words);
export const searchHitsQuery = (query: { match: string | SQL; brandId: number | SQL; limit: number }) => (engineKind() === "postgres" ? postgres : sqlite).searchHitsQuery(query);
export const searchConversationIds = (db: Db, query: { brandId: number; words: readonly string[]; limit: number }) => on(db).searchConversationIds(db, query);
export const checkSearchIndex = (db: Db) => on(db).checkSearchIndex(db);
export const rebuildSearchIndex = (db: Db, now?: number) => on(db).rebuildSearchIndex(db, now);
