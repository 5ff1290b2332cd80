import { describe, expect, it } from "vitest";
import { createRng, mixSeed, weighted } from "@/lib/demo/rng";

describe("demo rng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = createRng({ seed: 7 });
    const b = createRng({ seed: 7 });
    const c = createRng({ seed: 8 });
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it("keeps int() inside its inclusive bounds and reaches both ends", () => {
    const rng = createRng({ seed: 1 });
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const v = rng.int(3, 6);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(6);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("samples weighted tables in proportion and lognormal around its median", () => {
    const rng = createRng({ seed: 2 });
    const table = weighted([["a", 1], ["b", 3]] as const);
    let b = 0;
    for (let i = 0; i < 20_000; i++) if (table.sample(rng) === "b") b++;
    expect(b / 20_000).toBeGreaterThan(0.72);
    expect(b / 20_000).toBeLessThan(0.78);
    const values = Array.from({ length: 20_001 }, () => rng.lognormal(20, 0.8)).sort((x, y) => x - y);
    expect(values[10_000]).toBeGreaterThan(18.5);
    expect(values[10_000]).toBeLessThan(21.5);
  });

  it("mixes seeds so that neighbouring buckets differ", () => {
    expect(mixSeed(1, 100)).not.toBe(mixSeed(1, 101));
    expect(mixSeed(1, 100)).toBe(mixSeed(1, 100));
  });
});
