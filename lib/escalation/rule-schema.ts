import { z } from "zod";
import { CHANNEL_KINDS, PRIORITIES } from "@/db/schema";

// The stored shape of escalation_rules.conditions / .actions. Pure: shared by the engine,
// the dry run, the CRUD functions and the editor's validation.

const id = z.coerce.number().int().positive();
const ids = z.array(id).max(50);
const term = z
  .string()
  .trim()
  .min(1, "A keyword cannot be empty.")
  .max(100, "A keyword is at most 100 characters.")
  .refine((t) => t.replace(/\*/g, "").trim().length > 0, "A keyword needs at least one letter or digit.");

export const messageConditionSchema = z.discriminatedUnion("type", [
  // Sentiment negative, at least this strong: 0 = any negative message, 1 = only the most negative.
  z.object({ type: z.literal("negative_sentiment"), minStrength: z.coerce.number().min(0, "Between 0 and 1.").max(1, "Between 0 and 1.").default(0) }),
  z.object({ type: z.literal("complaint") }),
  // Whole words or phrases in any script, case-insensitive; a trailing * matches word endings (суд* → суда, судом).
  z.object({ type: z.literal("keywords"), terms: z.array(term).min(1, "Add at least one keyword.").max(50, "At most 50 keywords.") }),
  z.object({ type: z.literal("followers"), min: z.coerce.number().int("A whole number.").min(1, "At least 1.") }),
  // The author opened at least `conversations` conversations (this one included) in the last `days` days.
  z.object({
    type: z.literal("repeat_contact"),
    conversations: z.coerce.number().int("A whole number.").min(2, "At least 2.").max(100, "At most 100."),
    days: z.coerce.number().int("A whole number.").min(1, "At least 1 day.").max(365, "At most 365 days."),
  }),
  z.object({ type: z.literal("sla"), states: z.array(z.enum(["at_risk", "breached"])).min(1, "Pick at risk, breached or both.") }),
  z
    .object({ type: z.literal("channel"), channelIds: ids.default([]), kinds: z.array(z.enum(CHANNEL_KINDS)).default([]) })
    .refine((c) => c.channelIds.length + c.kinds.length > 0, { message: "Pick at least one channel or channel kind.", path: ["channelIds"] }),
  z.object({ type: z.literal("visibility"), visibility: z.enum(["public", "private"]) }),
  z.object({
    type: z.literal("language"),
    languages: z.array(z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, "A language is a 2–3 letter code (en, ru, de).")).min(1, "Pick at least one language."),
  }),
]);

// Brand-level alerts: not about one message, checked by the worker every 30 s.
export const brandConditionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("live_response_time_above"), minutes: z.coerce.number().int("A whole number.").min(1, "At least 1 minute.").max(7 * 24 * 60) }),
  z.object({ type: z.literal("waiting_above"), count: z.coerce.number().int("A whole number.").min(1, "At least 1.").max(1_000_000) }),
]);

export const conditionSchema = z.discriminatedUnion("type", [...messageConditionSchema.options, ...brandConditionSchema.options], {
  error: "Unknown condition type.",
});

// Who is told: the brand's managers, its admins, the conversation's assignee, or named members.
const audience = {
  to: z.enum(["managers", "admins", "assignee", "users"]),
  userIds: ids.default([]),
};
const needsUsers = (a: { to: string; userIds: number[] }) => a.to !== "users" || a.userIds.length > 0;
const usersMessage = { message: "Pick at least one person.", path: ["userIds"] };

export const actionSchema = z.discriminatedUnion(
  "type",
  [
  // Level 1 = the brand's managers, 2 = its admins; named userIds replace the level's people.
  z.object({ type: z.literal("escalate"), level: z.coerce.number().refine((l) => l === 1 || l === 2, "Level 1 (managers) or 2 (admins).").transform((l) => l as 1 | 2), userIds: ids.default([]) }),
  z.object({ type: z.literal("set_priority"), priority: z.enum(PRIORITIES) }),
  z.object({ type: z.literal("assign"), userId: id }),
  z.object({ type: z.literal("add_label"), label: z.string().trim().min(1, "A label cannot be empty.").max(40, "A label is at most 40 characters.") }),
  z.object({ type: z.literal("notify_in_app"), ...audience }).refine(needsUsers, usersMessage),
  z
    .object({
      type: z.literal("notify_email"),
      ...audience,
      addresses: z.array(z.email("Not an e-mail address.")).max(20).default([]),
    })
    .refine(needsUsers, usersMessage),
  z.object({ type: z.literal("notify_webhook"), endpointId: id }),
  ],
  { error: "Unknown action type." },
);

export const ruleSchema = z
  .object({
    name: z.string().trim().min(1, "A rule needs a name.").max(80, "A name is at most 80 characters."),
    enabled: z.boolean().default(true),
    match: z.enum(["all", "any"]).default("all"),
    conditions: z.array(conditionSchema).min(1, "Add at least one condition.").max(20, "At most 20 conditions."),
    actions: z.array(actionSchema).min(1, "Add at least one action.").max(10, "At most 10 actions."),
  })
  .superRefine((rule, ctx) => {
    const brandLevel = rule.conditions.map((c) => isBrandCondition(c));
    if (brandLevel.some(Boolean) && !brandLevel.every(Boolean))
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "A brand alert (response time, waiting requests) cannot be mixed with message conditions." });
    if (brandLevel.every(Boolean))
      rule.actions.forEach((a, i) => {
        if (!a.type.startsWith("notify_"))
          ctx.addIssue({ code: "custom", path: ["actions", i, "type"], message: "A brand alert can only notify (in the app, by e-mail or webhook)." });
      });
  });

export type MessageCondition = z.output<typeof messageConditionSchema>;
export type BrandCondition = z.output<typeof brandConditionSchema>;
export type Condition = z.output<typeof conditionSchema>;
export type ConditionType = Condition["type"];
export type Action = z.output<typeof actionSchema>;
export type ActionType = Action["type"];
export type RuleInput = z.output<typeof ruleSchema>;
export type Rule = RuleInput & { id: number; brandId: number; position: number };

export const BRAND_CONDITION_TYPES = ["live_response_time_above", "waiting_above"] as const;

export function isBrandCondition(c: Condition): c is BrandCondition {
  return (BRAND_CONDITION_TYPES as readonly string[]).includes(c.type);
}

// A rule is a brand alert when all its conditions are brand-level (the schema forbids mixing).
export function ruleKind(rule: Pick<RuleInput, "conditions">): "message" | "brand_alert" {
  return rule.conditions.length > 0 && rule.conditions.every(isBrandCondition) ? "brand_alert" : "message";
}

export type ParsedRule = { ok: true; rule: RuleInput } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Validates an editor's rule. fieldErrors is keyed by dotted path ("name", "conditions.0.terms",
 * "actions.1.userIds"); the first message per field wins; "" holds errors about the whole rule.
 */
export function parseRule(input: unknown): ParsedRule {
  const result = ruleSchema.safeParse(input);
  if (result.success) return { ok: true, rule: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}
