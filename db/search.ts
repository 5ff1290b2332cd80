import { engineOf, type Db } from "./client";
import * as postgres from "./postgres/fts";
import * as sqlite from "./sqlite/fts";

// Full-text search over message texts, on the handle's engine (FTS5 on SQLite, tsvector + GIN on
// PostgreSQL): the same words find the same conversations, newest first, within the brand.
const on = (db: Db) => (engineOf(db).kind === "postgres" ? postgres : sqlite);

export const indexNewMessages = (db: Db, now?: number) => on(db).indexNewMessages(db, now);
export const searchConversationIds = (db: Db, query: { brandId: number; words: readonly string[]; limit: number }) => on(db).searchConversationIds(db, query);
export const checkSearchIndex = (db: Db) => on(db).checkSearchIndex(db);
export const rebuildSearchIndex = (db: Db, now?: number) => on(db).rebuildSearchIndex(db, now);
