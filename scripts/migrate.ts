import { closeDatabase, database, databaseLabel, databaseReady } from "@/db/client";

// Opening the database applies the migrations (drizzle/ on SQLite, drizzle-pg/ on PostgreSQL).
await databaseReady(database());
await closeDatabase();
process.stderr.write(`Migrated ${databaseLabel()}\n`);
