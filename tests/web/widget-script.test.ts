import fs from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";

const source = fs.readFileSync("public/widget.js", "utf8");

describe("/widget.js", () => {
  it("stays under 30 kB gzipped", () => {
    const gzipped = zlib.gzipSync(source, { level: 9 }).byteLength;
    expect(gzipped).toBeLessThanOrEqual(30 * 1024);
  });

  it("speaks the visitor's language: en, ru, bg and sq have the same texts", () => {
    const keysOf = (lang: string) => {
      const block = source.slice(source.indexOf(`    ${lang}: {`));
      const body = block.slice(block.indexOf("{"), block.indexOf("\n    },"));
      return [...body.matchAll(/\b(\w+): /g)].map((m) => m[1]).filter((k) => !["one", "few", "many", "other"].includes(k));
    };
    const en = keysOf("en");
    expect(en.length).toBeGreaterThan(15);
    for (const lang of ["ru", "bg", "sq"]) expect(keysOf(lang)).toEqual(en);
  });

  it("keeps to the host page's isolation: a shadow root, no globals but its guard, no cookies", () => {
    expect(source).toContain("attachShadow");
    expect(source).toContain('credentials: "omit"');
    expect(source).not.toMatch(/document\.cookie|innerHTML|eval\(/);
  });
});
