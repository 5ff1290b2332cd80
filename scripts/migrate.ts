import { databasePath, getDb, closeDb } from "@/db/client";

getDb();
closeDb();
process.stderr.write(`Migrated ${databasePath()}\n`);
