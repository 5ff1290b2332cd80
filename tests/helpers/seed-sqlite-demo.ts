// Run as a child of the PostgreSQL tests (which build their tables for PostgreSQL): a SQLite file
// with a day of demo traffic, at DATABASE_PATH.
import { closeDatabase, database } from "@/db/client";
import { createDemoWorkspace, seedHistory } from "@/lib/seed/seed-demo";

const db = database();
const { workspace } = await createDemoWorkspace({ db });
await seedHistory({ db, workspace, now: Date.now(), days: Number(process.env.SEED_DAYS) || 1 });
await closeDatabase(db);
