import { describe, expect, it } from "vitest";
import { DIM, extractFeatures } from "@/lib/classify/features";
import { hashString } from "@/lib/classify/hash";
import { stemOf } from "@/lib/classify/lang/stem";
import { foldText } from "@/lib/classify/text";

const stem = (w: string) => stemOf(foldText(w));

describe("stemOf", () => {
  it("gives the inflected forms of a Cyrillic word one stem", () => {
    expect(stem("ужасный")).toBe(stem("ужасная"));
    expect(stem("ужасная")).toBe(stem("ужасное"));
    expect(stem("задержали")).toBe(stem("задержала"));
    expect(stem("банка")).toBe(stem("банку"));
  });

  it("keeps a short root and leaves Latin words and short words alone", () => {
    expect(stem("мама")).toBe("мама");
    expect(stem("refunded")).toBe("refunded");
    expect(stemOf("сама").length).toBeGreaterThanOrEqual(3);
    expect(stem("сервис")).toBe("сервис");
  });
});

describe("handles", () => {
  it("reads the mentioned handles and flags a support account", () => {
    const f = extractFeatures("@AirAsiaSupport still no refund");
    expect(f.tokens.handles).toEqual(["airasiasupport"]);
    expect(f.flags).toContain("to a support account");
    expect(extractFeatures("@anna_k look at this").flags).not.toContain("to a support account");
  });

  it("lets two inflections of one Russian word share a stem feature", () => {
    const stemFeature = hashString(stem("ужасный"), hashString("s")) & (DIM - 1);
    for (const text of ["ужасный сервис", "ужасная связь"]) {
      const f = extractFeatures(text);
      expect(Array.from(f.buffer.slice(0, f.count))).toContain(stemFeature);
    }
  });
});
