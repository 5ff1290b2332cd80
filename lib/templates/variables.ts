// Template variables: {{name}}, {{agent}}, … with an optional fallback, {{name|there}}.
// Replies are plain text sent to a platform, so values are not HTML-escaped (the platform and
// React show text as text); they are made single-line and stripped of control and bidi-override
// characters, and replacement is single-pass, so a value can never expand into another variable.

export const TEMPLATE_VARIABLES = {
  name: "the customer's name, or their handle when the name is unknown",
  first_name: "the customer's first name (or handle)",
  handle: "the customer's handle on the platform, e.g. @anna",
  agent: "your first name",
  agent_full: "your full name",
  brand: "the brand's name",
  channel: "the channel's name",
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

const PATTERN = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:\|([^{}]*))?\}\}/g;
const MAX_VALUE = 120;

export function isTemplateVariable(name: string): name is TemplateVariable {
  return Object.hasOwn(TEMPLATE_VARIABLES, name);
}

export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(PATTERN)].map((m) => m[1]))];
}

export function unknownVariables(body: string): string[] {
  return templateVariables(body).filter((v) => !isTemplateVariable(v));
}

export function cleanValue(value: string | null | undefined): string {
  if (value == null) return "";
  const single = value
    .replace(/\p{Cc}+/gu, " ")
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return single.length > MAX_VALUE ? `${single.slice(0, MAX_VALUE - 1)}…` : single;
}

export type Rendered = { text: string; missing: string[] };

// Unknown variables are left as written (they are refused at save time); empty ones use the fallback.
export function renderTemplate(body: string, values: TemplateValues): Rendered {
  const missing = new Set<string>();
  const text = body.replace(PATTERN, (whole, name: string, fallback: string | undefined) => {
    if (!isTemplateVariable(name)) return whole;
    const value = cleanValue(values[name]);
    if (value) return value;
    if (fallback !== undefined) return cleanValue(fallback);
    missing.add(name);
    return "";
  });
  return { text, missing: [...missing] };
}

export function firstName(name: string | null | undefined): string {
  return cleanValue(name).split(" ")[0] ?? "";
}

export function asHandle(handle: string | null | undefined): string {
  const value = cleanValue(handle);
  return !value || value.includes("@") || value.includes(" ") ? value : `@${value}`;
}

// What the Settings preview fills in.
export function sampleValues({ brand, agent }: { brand: string; agent: string }): TemplateValues {
  return { name: "Anna Petrova", first_name: "Anna", handle: "@anna.p", agent: firstName(agent), agent_full: agent, brand, channel: "Facebook page" };
}
