import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// drizzle's migrator applies a migration only when its journal time is later than the last one a
// database has applied, so one dated earlier than its predecessor is skipped on every existing
// installation and runs only on new ones.
describe("migration journals", () => {
  for (const folder of ["drizzle", "drizzle-pg"]) {
    it(`${folder}: each migration is dated after the one before, and each has its file`, () => {
      const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; when: number; tag: string }[] };
      expect(journal.entries.length).toBeGreaterThan(0);
      journal.entries.forEach((entry, i) => {
        expect(entry.idx).toBe(i);
        expect(fs.existsSync(path.join(folder, `${entry.tag}.sql`))).toBe(true);
        if (i > 0) expect(entry.when, entry.tag).toBeGreaterThan(journal.entries[i - 1].when);
      });
    });
  }
});
