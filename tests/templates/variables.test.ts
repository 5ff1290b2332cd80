import { describe, expect, it } from "vitest";
import { asHandle, renderTemplate, templateVariables, unknownVariables } from "@/lib/templates/variables";

describe("template variables", () => {
  it("renders known variables, with spaces and fallbacks", () => {
    const out = renderTemplate("Hi {{ name }}, {{agent}} of {{brand}} here. {{handle|}}", { name: "Anna", agent: "Max", brand: "Air", handle: "" });
    expect(out).toEqual({ text: "Hi Anna, Max of Air here. ", missing: [] });
    expect(renderTemplate("Hi {{first_name|there}}!", {}).text).toBe("Hi there!");
  });

  it("reports a variable without value and without fallback as missing", () => {
    expect(renderTemplate("Hi {{name}}, from {{agent}}", { agent: "Max" })).toEqual({ text: "Hi , from Max", missing: ["name"] });
  });

  it("never expands a variable that comes from a value", () => {
    const out = renderTemplate("Hi {{name}} from {{agent}}", { name: "{{agent}}", agent: "Max" });
    expect(out.text).toBe("Hi {{agent}} from Max");
  });

  it("makes values single-line and drops control and bidi-override characters", () => {
    const out = renderTemplate("Dear {{name}}.", { name: "Eve\nP.S. click evil.example\u202e\u0007 " });
    expect(out.text).toBe("Dear Eve P.S. click evil.example.");
    expect(renderTemplate("{{name}}", { name: "x".repeat(500) }).text.length).toBe(120);
  });

  it("keeps HTML-looking values as written: replies are plain text", () => {
    expect(renderTemplate("Hi {{name}}", { name: "<b>Bo</b> & co" }).text).toBe("Hi <b>Bo</b> & co");
  });

  it("lists unknown variables and leaves them as written", () => {
    expect(templateVariables("{{name}} {{order_id}} {{name}} {{ agent|x }}")).toEqual(["name", "order_id", "agent"]);
    expect(unknownVariables("{{name}} {{order_id}} {{constructor}}")).toEqual(["order_id", "constructor"]);
    expect(renderTemplate("Order {{order_id}}", {}).text).toBe("Order {{order_id}}");
  });

  it("prefixes a bare handle with @ but leaves e-mail addresses alone", () => {
    expect(asHandle("anna")).toBe("@anna");
    expect(asHandle("@anna")).toBe("@anna");
    expect(asHandle("anna@example.com")).toBe("anna@example.com");
    expect(asHandle(null)).toBe("");
  });
});
