import { describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { releaseLease, takeLease } from "@/lib/worker/lease";
import { openAgain, testDb } from "../helpers/db";

describe("job leases", () => {
  it("one holder at a time across two handles on one database; an expired lease passes on", async () => {
    const { db: first, file } = testDb();
    const second = openAgain(file);
    const now = 1_000_000;
    expect(await takeLease({ db: first, job: "outbox", holder: "p1", ttlMs: 10_000, now })).toBe(true);
    expect(await takeLease({ db: second, job: "outbox", holder: "p2", ttlMs: 10_000, now: now + 1 })).toBe(false);
    expect(await takeLease({ db: first, job: "outbox", holder: "p1", ttlMs: 10_000, now: now + 5_000 })).toBe(true);
    expect(await takeLease({ db: second, job: "outbox", holder: "p2", ttlMs: 10_000, now: now + 14_000 })).toBe(false);
    expect(await takeLease({ db: second, job: "outbox", holder: "p2", ttlMs: 10_000, now: now + 15_001 })).toBe(true);
    expect(await takeLease({ db: second, job: "sla", holder: "p2", ttlMs: 10_000, now })).toBe(true);
    await releaseLease({ db: second, job: "outbox", holder: "p2" });
    expect(await takeLease({ db: first, job: "outbox", holder: "p1", ttlMs: 10_000, now: now + 15_002 })).toBe(true);
    closeDatabase(first);
    closeDatabase(second);
  });
});
