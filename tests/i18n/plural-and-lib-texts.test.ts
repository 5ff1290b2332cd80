import { describe, expect, it } from "vitest";
import { ru as ruCatalogue, isMessageKey, translator, type MessageKey } from "@/lib/i18n/messages";
import { formatter } from "@/lib/i18n/format";
import { ACCOUNT_ID_LABEL, CREDENTIAL_FIELDS } from "@/lib/channels/fields";
import { TEMPLATE_VARIABLES } from "@/lib/templates/variables";

describe("plural forms (ICU, through next-intl)", () => {
  it("picks one/few/many in Russian and one/other in English, Bulgarian and Albanian, with the count in the language's digits", () => {
    const ru = translator("ru");
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111].map((count) => ru("conversation.done.resolved", { count }))).toEqual([
      "Решено: 1 обращение.",
      "Решено: 2 обращения.",
      "Решено: 5 обращений.",
      "Решено: 11 обращений.",
      "Решено: 21 обращение.",
      "Решено: 22 обращения.",
      "Решено: 25 обращений.",
      "Решено: 101 обращение.",
      "Решено: 111 обращений.",
    ]);
    const en = translator("en");
    expect([0, 1, 2, 1234].map((count) => en("conversation.done.resolved", { count }))).toEqual(["0 conversations resolved.", "1 conversation resolved.", "2 conversations resolved.", "1,234 conversations resolved."]);
    expect([1, 2, 5].map((count) => translator("bg")("conversation.markedNoise", { count }))).toEqual(["Отбелязани като шум: 1 разговор.", "Отбелязани като шум: 2 разговора.", "Отбелязани като шум: 5 разговора."]);
    expect([1, 2].map((count) => translator("sq")("notify.assigned", { count, actor: "Ana" }))).toEqual(["Ana ju caktoi një bisedë.", "Ana ju caktoi 2 biseda."]);
    expect(translator("ru")("status.basis", { count: 12345, span: "24 часа" })).toBe("Медиана времени первого ответа по 12\u00a0345 обращениям за 24 часа.");
  });

  it("says one thing in the singular in English wherever a count can be 1", () => {
    const en = translator("en");
    expect(en("conversation.followers", { count: 1 })).toBe("1 follower");
    expect(en("conversation.followers", { count: 12345 })).toBe("12,345 followers");
    expect(en("privacy.erased", { count: 1 })).toBe("Erased: 1 message.");
    expect(en("dashboard.esc.overDays", { count: 1 })).toBe("over 1 day");
    expect(en("reports.weekly.busiestItem", { day: "Mon", hour: "09", n: 1 })).toBe("Mon 09:00 — 1 request");
    expect(en("cue.waiting", { count: 1, limit: 0 })).toBe("1 request waiting (alert above 0)");
    expect(en("cue.repeat", { count: 1, days: 7 })).toBe("repeat contact: 1 conversation in 7 d");
    expect(en("dashboard.summary", { answered: 3, median: "5 min", p90: "9 min", within: "80%", unanswered: 1 })).toContain("; 1 request without a reply.");
    expect(en("staffing.intro", { weeks: 1, used: 1, timezone: "UTC" })).toContain("of the last week (1 with data)");
    expect(en("staffing.intro", { weeks: 4, used: 3, timezone: "UTC" })).toContain("of the last 4 weeks (3 with data)");
    expect(en("rules.cond.waiting_above.count.short", { value: 1 })).toBe("1 request");
    expect(en("rules.cond.repeat_contact.days.short", { value: 1 })).toBe("in 1 day");
    expect(en("rules.cond.followers.min.short", { value: 10000 })).toBe("≥ 10,000 followers");
  });

  it("says a rule's counts in the right form in every language", () => {
    const ru = translator("ru");
    expect([1, 3, 5].map((value) => ru("rules.cond.waiting_above.count.short", { value }))).toEqual(["1 обращение", "3 обращения", "5 обращений"]);
    expect([1, 2, 21].map((value) => ru("rules.cond.repeat_contact.conversations.short", { value }))).toEqual(["≥ 1 обращения", "≥ 2 обращений", "≥ 21 обращения"]);
    expect([1, 5].map((value) => translator("bg")("rules.cond.repeat_contact.days.short", { value }))).toEqual(["за 1 ден", "за 5 дни"]);
    expect([1, 5].map((value) => translator("sq")("rules.cond.waiting_above.count.short", { value }))).toEqual(["1 kërkesë", "5 kërkesa"]);
  });

  it("gives every Russian plural its few and many forms", () => {
    for (const [key, text] of Object.entries(ruCatalogue)) if (text.includes(", plural,")) expect(text, key).toMatch(/ few \{.* many \{/);
  });
});

// The settings pages show these lib/ texts through the dictionary: the English must not drift.
describe("texts lib/ defines in English", () => {
  it("has every channel field and account label, worded as lib/ words it", () => {
    for (const [kind, fields] of Object.entries(CREDENTIAL_FIELDS)) {
      for (const field of fields) {
        const key = `channels.field.${kind}.${field.key}`;
        expect(isMessageKey(key), key).toBe(true);
        expect(translator("en")(key as MessageKey)).toBe(field.label);
      }
    }
    for (const [kind, label] of Object.entries(ACCOUNT_ID_LABEL)) {
      expect(translator("en")(`channels.accountId.${kind}` as MessageKey), kind).toBe(label);
    }
  });

  it("has every template variable's description", () => {
    for (const [name, description] of Object.entries(TEMPLATE_VARIABLES)) {
      expect(translator("en")(`templates.var.${name}` as MessageKey), name).toBe(description);
    }
  });

  it("knows which run-time keys exist", () => {
    expect(isMessageKey("role.admin")).toBe(true);
    expect(isMessageKey("role.owner")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
  });
});

describe("dates and numbers through next-intl's formatter", () => {
  it("formats in the reader's language and the given time zone", () => {
    const at = new Date(Date.UTC(2026, 11, 5, 23, 30));
    expect(formatter("en").dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Sofia" })).toBe("6 Dec 2026, 01:30");
    expect(formatter("ru").dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })).toMatch(/^5 дек\. 2026 г\., 23:30$/);
    expect(formatter("bg").number(1234.5)).toBe("1234,5");
    expect(formatter("sq").number(0.25, { style: "percent" })).toBe("25%");
  });
});
