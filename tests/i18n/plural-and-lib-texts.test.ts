import { describe, expect, it } from "vitest";
import { bg, en, ru, sq, isMessageKey, plural, type MessageKey } from "@/lib/i18n/messages";
import { ACCOUNT_ID_LABEL, CREDENTIAL_FIELDS } from "@/lib/channels/fields";
import { TEMPLATE_VARIABLES } from "@/lib/templates/variables";

describe("plural forms", () => {
  it("picks one/few/many in Russian and one/other in English", () => {
    const forms = ru["status.conversations"];
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111].map((n) => plural("ru", n, forms))).toEqual([
      "обращению",
      "обращениям",
      "обращениям",
      "обращениям",
      "обращению",
      "обращениям",
      "обращениям",
      "обращению",
      "обращениям",
    ]);
    expect(plural("ru", 3, "минута|минуты|минут")).toBe("минуты");
    expect(plural("ru", 14, "минута|минуты|минут")).toBe("минут");
    expect(plural("ru", 1.5, "минута|минуты|минут")).toBe("минут");
    expect([0, 1, 2].map((n) => plural("en", n, en["status.conversations"]))).toEqual(["conversations", "conversation", "conversations"]);
    expect([1, 2, 5].map((n) => plural("bg", n, bg["conversation.forms"]))).toEqual(["разговор", "разговора", "разговора"]);
    expect([1, 2].map((n) => plural("sq", n, sq["conversation.forms"]))).toEqual(["bisedë", "biseda"]);
  });

  it("gives every plural text as many forms as its language distinguishes", () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      if (!en[key].includes("|") || en[key].includes("{{")) continue;
      expect(en[key].split("|"), key).toHaveLength(2);
      expect(ru[key].split("|").length, key).toBeGreaterThanOrEqual(3);
      expect(bg[key].split("|"), key).toHaveLength(2);
      expect(sq[key].split("|"), key).toHaveLength(2);
    }
  });
});

// The settings pages show these lib/ texts through the dictionary: the English must not drift.
describe("texts lib/ defines in English", () => {
  it("has every channel field and account label, worded as lib/ words it", () => {
    for (const [kind, fields] of Object.entries(CREDENTIAL_FIELDS)) {
      for (const field of fields) {
        const key = `channels.field.${kind}.${field.key}`;
        expect(isMessageKey(key), key).toBe(true);
        expect(en[key as MessageKey]).toBe(field.label);
      }
    }
    for (const [kind, label] of Object.entries(ACCOUNT_ID_LABEL)) {
      expect(en[`channels.accountId.${kind}` as MessageKey], kind).toBe(label);
    }
  });

  it("has every template variable's description", () => {
    for (const [name, description] of Object.entries(TEMPLATE_VARIABLES)) {
      expect(en[`templates.var.${name}` as MessageKey], name).toBe(description);
    }
  });

  it("knows which run-time keys exist", () => {
    expect(isMessageKey("role.admin")).toBe(true);
    expect(isMessageKey("role.owner")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
  });
});
