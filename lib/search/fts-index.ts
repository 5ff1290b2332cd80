// The full-text index is SQLite's FTS5, so its cursor writer lives with the engine in db/sqlite/fts.ts.
export { indexNewMessages } from "@/db/sqlite/fts";
