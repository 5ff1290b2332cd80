import { engineOf, type Db } from "./client";
import * as postgres from "./postgres/ops";
import * as sqlite from "./sqlite/ops";

// Operations on the database itself, on the handle's engine: a consistent backup (SQLite's
// online backup, pg_dump), bulk-load settings and checkpoints (nothing to do on PostgreSQL).
const on = (db: Db) => (engineOf(db).kind === "postgres" ? postgres : sqlite);

export const backupTo = (db: Db, file: string) => on(db).backupTo(db, file);
export const bulkLoadMode = (db: Db, enabled: boolean) => on(db).bulkLoadMode(db, enabled);
export const checkpoint = (db: Db) => on(db).checkpoint(db);
export const purgeErased = (db: Db, options: { full: boolean }) => on(db).purgeErased(db, options);
