import pg from "pg";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { databaseUrl, startCluster, type Cluster } from "../scripts/lib/postgres";

// The PostgreSQL run of the integration suite: a throwaway cluster (or TEST_POSTGRES_URL's
// server), one migrated template database, and each test's database a copy of it (testDb()).
const TEMPLATE = "replyhour_template";
let cluster: Cluster | undefined;

export default async function setup() {
  let server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    cluster = await startCluster({ prefix: "replyhour-test-pg-" });
    server = cluster.url;
  }
  const admin = new pg.Client(server);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const template = new pg.Client(databaseUrl(server, TEMPLATE));
  await template.connect();
  await migrate(drizzle(template), { migrationsFolder: path.resolve("drizzle-pg") });
  await template.end();
  // Workers build the schema for PostgreSQL (db/engine.ts) and copy the template per test
  // database; DATABASE_URL names the maintenance database, never the template (a connection
  // to the template would stop it being copied).
  process.env.DATABASE_URL = databaseUrl(server, "postgres");
  process.env.TEST_POSTGRES_TEMPLATE = TEMPLATE;
  return () => cluster?.stop();
}
