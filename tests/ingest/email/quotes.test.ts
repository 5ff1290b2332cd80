import { describe, expect, it } from "vitest";
import { automatedReason } from "@/lib/ingest/adapters/email/automated";
import { splitQuoted } from "@/lib/ingest/adapters/email/quotes";

describe("splitQuoted", () => {
  it("cuts attributions, Outlook headers, > blocks and signatures off what the person wrote now", () => {
    expect(splitQuoted("Still broken.\r\n\r\nOn Tue, 3 Mar 2026 at 10:00, Support <s@b.example> wrote:\r\n> Try again")).toEqual({ text: "Still broken.", quoted: "On Tue, 3 Mar 2026 at 10:00, Support <s@b.example> wrote:\n> Try again" });
    expect(splitQuoted("Yes please\n\nOn Tue, 3 Mar 2026 at 10:00, Support <s@b.example>\nwrote:\n> x").text).toBe("Yes please");
    expect(splitQuoted("Спасибо, жду.\n\n3 марта 2026 г., Support <s@b.example> пишет:\n> Ответ").text).toBe("Спасибо, жду.");
    expect(splitQuoted("Thanks\n\nFrom: Support <s@b.example>\nSent: Tuesday\nSubject: Re: x\n\nold").text).toBe("Thanks");
    expect(splitQuoted("Where is it?\n-- \nAnn\n+1 555")).toEqual({ text: "Where is it?", quoted: "-- \nAnn\n+1 555" });
    expect(splitQuoted("Call me\n\nSent from my iPhone").text).toBe("Call me");
    expect(splitQuoted("> quoted only\n> more")).toEqual({ text: "> quoted only\n> more", quoted: "" });
    // Inline answers between quoted lines keep the person's words.
    expect(splitQuoted("> Is the order number 12?\nNo, 13.\n> And the date?\nMonday.").text).toBe("No, 13.\nMonday.");
  });
});

describe("automatedReason", () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  it("recognises auto-replies, bounces and bulk mail, and only them", () => {
    expect(automatedReason({ header: headers({ "auto-submitted": "auto-replied" }), from: "a@b.example" })).toMatch(/Auto-Submitted/);
    expect(automatedReason({ header: headers({ "auto-submitted": "no" }), from: "a@b.example" })).toBeNull();
    expect(automatedReason({ header: headers({ precedence: "bulk" }), from: "a@b.example" })).toMatch(/bulk/);
    expect(automatedReason({ header: headers({ "x-autoreply": "yes" }), from: "a@b.example" })).toBe("x-autoreply");
    expect(automatedReason({ header: headers({ "list-id": "<news.b.example>" }), from: "a@b.example" })).toBe("list-id");
    expect(automatedReason({ header: headers({}), from: "MAILER-DAEMON@mx.b.example" })).toMatch(/mailer-daemon/);
    expect(automatedReason({ header: headers({}), from: "a@b.example", contentType: "multipart/report; report-type=delivery-status" })).toBe("delivery report");
    expect(automatedReason({ header: headers({}), from: "ann@b.example" })).toBeNull();
  });
});
