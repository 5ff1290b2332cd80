import { closeDatabase, database, databasePath } from "@/db/client";

// Opening the database applies the migrations in drizzle/.
database();
closeDatabase();
process.stderr.write(`Migrated ${databasePath()}\n`);
