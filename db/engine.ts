// Which engine this process runs on: PostgreSQL when DATABASE_URL is a postgres:// URL, else the
// SQLite file. Decided once, before the schema is built: the table objects lib/ imports are the
// chosen engine's. REPLYHOUR_ENGINE pins it for drizzle-kit, whose two configs each need one.
export type EngineKind = "sqlite" | "postgres";

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function engineKind(): EngineKind {
  const pinned = process.env.REPLYHOUR_ENGINE;
  if (pinned === "sqlite" || pinned === "postgres") return pinned;
  return isPostgresUrl(process.env.DATABASE_URL) ? "postgres" : "sqlite";
}
