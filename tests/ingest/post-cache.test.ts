import { describe, expect, it } from "vitest";
import { PostCache } from "@/lib/ingest/post-context/cache";

describe("post cache", () => {
  it("keeps the most recently used posts up to its bound", () => {
    const cache = new PostCache({ max: 2 });
    cache.set("a", "A", { now: 0 });
    cache.set("b", "B", { now: 0 });
    expect(cache.get("a", 1)).toBe("A");
    cache.set("c", "C", { now: 1 });
    expect(cache.size).toBe(2);
    expect(cache.get("b", 2)).toBeUndefined();
    expect(cache.get("a", 2)).toBe("A");
  });

  it("forgets a post after its TTL and a failure sooner", () => {
    const cache = new PostCache({ ttlMs: 1000, missTtlMs: 100 });
    cache.set("ok", "text", { now: 0 });
    cache.set("down", null, { failed: true, now: 0 });
    expect(cache.get("down", 50)).toBeNull();
    expect(cache.get("down", 150)).toBeUndefined();
    expect(cache.get("ok", 999)).toBe("text");
    expect(cache.get("ok", 1000)).toBeUndefined();
  });

  it("shares one call among concurrent loads of one post", async () => {
    const cache = new PostCache();
    let calls = 0;
    const fetchText = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      return { text: "post", failed: false };
    };
    const texts = await Promise.all([cache.load("k", fetchText), cache.load("k", fetchText), cache.load("k", fetchText)]);
    expect(texts).toEqual(["post", "post", "post"]);
    expect(await cache.load("k", fetchText)).toBe("post");
    expect(calls).toBe(1);
  });
});
