// PostgreSQL ends one of two transactions that wait on each other (deadlock_detected) or whose
// serializable snapshots conflict (serialization_failure). Nothing of it was stored, so work
// that is all inside the transaction can simply run again; SQLite's one writer never does this.
const RETRYABLE = new Set(["40P01", "40001"]);

export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && RETRYABLE.has(code);
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
