import { describe, expect, it } from "vitest";
import { displayHandle, platformLink } from "@/lib/inbox/contact-link";

describe("the customer's link to their platform", () => {
  it("prefers the newest https link the platform gave for their messages", () => {
    expect(platformLink({ kind: "facebook", handle: "anna", messageUrls: ["https://facebook.com/1", null, "https://facebook.com/2"] })).toBe("https://facebook.com/2");
  });

  it("never links a non-https address, and falls back to the profile built from the handle", () => {
    expect(platformLink({ kind: "instagram", handle: "@anna.k", messageUrls: ["javascript:alert(1)", "http://x"] })).toBe("https://www.instagram.com/anna.k/");
    expect(platformLink({ kind: "twitter", handle: "anna", messageUrls: [] })).toBe("https://x.com/anna");
    expect(platformLink({ kind: "telegram", handle: "anna_k", messageUrls: [] })).toBe("https://t.me/anna_k");
  });

  it("has no link when the platform has no profile address or the handle is not a plain name", () => {
    expect(platformLink({ kind: "email", handle: "anna@example.com", messageUrls: [] })).toBeNull();
    expect(platformLink({ kind: "web", handle: null, messageUrls: [] })).toBeNull();
    expect(platformLink({ kind: "vk", handle: "../admin?x=1", messageUrls: [] })).toBeNull();
  });

  it("shows social handles with an @ and leaves e-mail addresses alone", () => {
    expect(displayHandle("anna")).toBe("@anna");
    expect(displayHandle("@anna")).toBe("@anna");
    expect(displayHandle("anna@example.com")).toBe("anna@example.com");
    expect(displayHandle(null)).toBeNull();
  });
});
