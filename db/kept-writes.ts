import type { Tx } from "./client";

/**
 * Rows a transaction keeps while a piece of its work runs, written together when that work ends
 * (an ingest batch's rules: their audit entries, their changes). One process runs one transaction
 * at a time on either engine, so the handle names this one while it runs.
 */
export function keptWrites<T>(write: (tx: Tx, rows: T[]) => Promise<void>) {
  const kept = new WeakMap<object, T[]>();
  return {
    /** The rows kept so far, or undefined when the transaction keeps none (write at once). */
    of: (tx: Tx): T[] | undefined => kept.get(tx),
    /** Keeps the row when the transaction keeps rows, else writes it at once. */
    async add(tx: Tx, row: T): Promise<void> {
      const rows = kept.get(tx);
      if (rows) rows.push(row);
      else await write(tx, [row]);
    },
    /** Runs `fn` with the transaction's rows kept, and writes them in one go when it returns. */
    async around<R>(tx: Tx, fn: () => Promise<R>): Promise<R> {
      const rows: T[] = [];
      kept.set(tx, rows);
      try {
        const result = await fn();
        kept.delete(tx);
        await write(tx, rows);
        return result;
      } finally {
        kept.delete(tx);
      }
    },
  };
}
