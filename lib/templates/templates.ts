import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { templates } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";
import { TEMPLATE_VARIABLES, unknownVariables } from "./variables";

export type Template = typeof templates.$inferSelect;

const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(schema.nullable());

export const templateInputSchema = z.object({
  title: z.string().trim().min(1, "Give the template a title.").max(120, "Keep the title under 120 characters."),
  body: z.string().trim().min(1, "Write the template's text.").max(10_000, "Keep the text under 10,000 characters."),
  language: optional(
    z
      .string()
      .toLowerCase()
      .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, "Use a language code such as en, ru or pt-br."),
  ).optional(),
  // Stored with its leading ";" so what the agent types is what the list shows.
  shortcut: optional(
    z
      .string()
      .toLowerCase()
      .transform((v) => v.replace(/^;+/, ""))
      .pipe(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,31}$/u, "A shortcut is ; and up to 32 letters, digits, - or _, e.g. ;refund."))
      .transform((v) => `;${v}`),
  ).optional(),
});

export type TemplateInput = z.input<typeof templateInputSchema>;

export function listTemplates({ db, brandId }: { db: Db; brandId: number }): Template[] {
  return db.select().from(templates).where(eq(templates.brandId, brandId)).orderBy(asc(templates.title), asc(templates.id)).all();
}

export function requireTemplate({ db, brandId, id }: { db: Db; brandId: number; id: number }): Template {
  const row = db
    .select()
    .from(templates)
    .where(and(eq(templates.id, id), eq(templates.brandId, brandId)))
    .get();
  if (!row) throw new AppError("not_found:template");
  return row;
}

function validate({ db, brandId, id, input }: { db: Db; brandId: number; id?: number; input: TemplateInput }) {
  const parsed = templateInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request:template", parsed.error.issues.map((i) => i.message).join(" "));
  const value = { title: parsed.data.title, body: parsed.data.body, language: parsed.data.language ?? null, shortcut: parsed.data.shortcut ?? null };
  const unknown = unknownVariables(value.body);
  if (unknown.length > 0)
    throw new AppError(
      "bad_request:template",
      `Unknown variable${unknown.length > 1 ? "s" : ""} ${unknown.map((v) => `{{${v}}}`).join(", ")}. Use ${Object.keys(TEMPLATE_VARIABLES)
        .map((v) => `{{${v}}}`)
        .join(", ")}.`,
    );
  if (value.shortcut) {
    const taken = listTemplates({ db, brandId }).find((t) => t.shortcut === value.shortcut && t.id !== id);
    if (taken) throw new AppError("conflict:shortcut", `The shortcut ${value.shortcut} is already used by “${taken.title}”.`);
  }
  return value;
}

export function createTemplate({ db, brandId, actor, input }: { db: Db; brandId: number; actor: Actor; input: TemplateInput }): Template {
  const value = validate({ db, brandId, input });
  return db.transaction((tx) => {
    const row = tx
      .insert(templates)
      .values({ brandId, ...value, createdBy: actor.userId, updatedAt: new Date() })
      .returning()
      .get();
    recordAudit(tx, { actor, brandId, action: "template.create", objectType: "template", objectId: row.id, after: value });
    recordChange(db.$client, { brandId, kind: "brand", objectId: brandId, userId: actor.userId, data: { template: row.id } });
    return row;
  });
}

export function updateTemplate({ db, brandId, actor, id, input }: { db: Db; brandId: number; actor: Actor; id: number; input: TemplateInput }): Template {
  const before = requireTemplate({ db, brandId, id });
  const value = validate({ db, brandId, id, input });
  return db.transaction((tx) => {
    const row = tx
      .update(templates)
      .set({ ...value, updatedAt: new Date() })
      .where(and(eq(templates.id, id), eq(templates.brandId, brandId)))
      .returning()
      .get();
    const { title, body, language, shortcut } = before;
    recordAudit(tx, { actor, brandId, action: "template.update", objectType: "template", objectId: id, before: { title, body, language, shortcut }, after: value });
    recordChange(db.$client, { brandId, kind: "brand", objectId: brandId, userId: actor.userId, data: { template: id } });
    return row;
  });
}

export function deleteTemplate({ db, brandId, actor, id }: { db: Db; brandId: number; actor: Actor; id: number }): void {
  const before = requireTemplate({ db, brandId, id });
  db.transaction((tx) => {
    tx.delete(templates)
      .where(and(eq(templates.id, id), eq(templates.brandId, brandId)))
      .run();
    const { title, body, language, shortcut } = before;
    recordAudit(tx, { actor, brandId, action: "template.delete", objectType: "template", objectId: id, before: { title, body, language, shortcut } });
    recordChange(db.$client, { brandId, kind: "brand", objectId: brandId, userId: actor.userId, data: { template: id } });
  });
}
