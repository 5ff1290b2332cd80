import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/classify/train/csv";

describe("training CSV", () => {
  it("names fields by the header, keeps quoted commas and line breaks, skips rows of another length", () => {
    const text = '\uFEFFtext,label\r\n"Hi, ""there""\nsecond line",request\nno label\n\nthanks,noise\n';
    expect(parseCsv(text)).toEqual([
      { text: 'Hi, "there"\nsecond line', label: "request" },
      { text: "thanks", label: "noise" },
    ]);
  });
});
