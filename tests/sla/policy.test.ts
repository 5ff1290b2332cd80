import { describe, expect, it } from "vitest";
import { choosePolicy, type SlaPolicy } from "@/lib/sla/policy";

function policy(overrides: Partial<SlaPolicy> & { id: string }): SlaPolicy {
  return {
    isDefault: false,
    channelId: null,
    category: null,
    priority: null,
    position: 0,
    firstResponseSeconds: 3600,
    nextResponseSeconds: 3600,
    atRiskShare: 0.75,
    calendarId: null,
    ...overrides,
  };
}

const policies = [
  policy({ id: "default", isDefault: true, position: 9 }),
  policy({ id: "twitter", channelId: "tw", position: 1 }),
  policy({ id: "urgent", priority: "urgent", position: 2 }),
  policy({ id: "twitter-urgent", channelId: "tw", priority: "urgent", position: 5 }),
  policy({ id: "noise", category: "noise", position: 0 }),
  policy({ id: "email-request-high", channelId: "mail", category: "request", priority: "high", position: 7 }),
];
const choose = (channelId: string, category: "request" | "noise", priority: SlaPolicy["priority"]) =>
  choosePolicy({ policies, channelId, category, priority })?.id;

describe("choosePolicy", () => {
  it("prefers the policy that sets the most matching conditions", () => {
    expect(choose("tw", "request", "urgent")).toBe("twitter-urgent");
    expect(choose("mail", "request", "high")).toBe("email-request-high");
  });

  it("never picks a policy with a condition that does not match", () => {
    expect(choose("tw", "request", "low")).toBe("twitter");
    expect(choose("mail", "noise", "high")).toBe("noise");
    expect(choose("mail", "request", null)).toBe("default");
  });

  it("breaks ties in specificity by position", () => {
    expect(choose("tw", "noise", null)).toBe("noise");
    expect(choose("fb", "request", "urgent")).toBe("urgent");
    const swapped = policies.map((p) => (p.id === "noise" ? { ...p, position: 3 } : p));
    expect(choosePolicy({ policies: swapped, channelId: "tw", category: "noise", priority: null })?.id).toBe("twitter");
  });

  it("falls back to the default, and returns null when a brand has none", () => {
    expect(choose("fb", "request", "normal")).toBe("default");
    expect(choosePolicy({ policies: policies.filter((p) => !p.isDefault), channelId: "fb", category: "request", priority: null })).toBeNull();
  });

  it("does not let the default compete on conditions", () => {
    const odd = [policy({ id: "default", isDefault: true, channelId: "tw", priority: "urgent" }), policy({ id: "twitter", channelId: "tw" })];
    expect(choosePolicy({ policies: odd, channelId: "tw", category: "request", priority: "urgent" })?.id).toBe("twitter");
  });
});
