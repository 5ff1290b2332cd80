// PostgreSQL ends one of two transactions that wait on each other (deadlock_detected) or whose
// serializable snapshots conflict (serialization_failure). Nothing of it was stored, so work
// that is all inside the transaction can simply run again; SQLite's one writer never does this.
const RETRYABLE = new Set(["40P01", "40001"]);

// The driver's error code (PostgreSQL's SQLSTATE, better-sqlite3's SQLITE_…). The query builder
// wraps driver errors (DrizzleQueryError), so the code may sit on a cause.
export function sqlErrorCode(error: unknown): string | null {
  let current = error as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === "string") return current.code;
    current = current.cause as typeof current;
  }
  return null;
}

export function isRetryableConflict(error: unknown): boolean {
  const code = sqlErrorCode(error);
  return code !== null && RETRYABLE.has(code);
}

// A unique index refused a row another transaction committed first (PostgreSQL 23505; SQLite
// serialises writers, but says so the same way if it happens).
export function isUniqueViolation(error: unknown): boolean {
  const code = sqlErrorCode(error);
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

// Runs `work` again (up to `attempts` times in all) after a retryable conflict, with a short
// random pause so the two sides do not collide again in step.
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
