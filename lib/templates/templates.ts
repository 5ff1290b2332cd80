import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { database, type Db } from "@/db/client";
import { templates } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";
import { TEMPLATE_VARIABLES, unknownVariables } from "./variables";
import { catalogueError } from "@/lib/i18n/errors";

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

export async function listTemplates({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<Template[]> {
  return db.select().from(templates).where(eq(templates.brandId, brandId)).orderBy(asc(templates.title), asc(templates.id));
}

export async function requireTemplate({ db = database(), brandId, id }: { db?: Db; brandId: number; id: number }): Promise<Template> {
  const [row] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.id, id), eq(templates.brandId, brandId)))
    .limit(1);
  if (!row) throw new AppError("not_found:template");
  return row;
}

async function validate({ db, brandId, id, input }: { db: Db; brandId: number; id?: number; input: TemplateInput }) {
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
    const taken = (await listTemplates({ db, brandId })).find((t) => t.shortcut === value.shortcut && t.id !== id);
    if (taken) throw catalogueError("conflict:shortcut", "taken", { shortcut: value.shortcut, title: taken.title });
  }
  return value;
}

export async function createTemplate({ db = database(), brandId, actor, input }: { db?: Db; brandId: number; actor: Actor; input: TemplateInput }): Promise<Template> {
  return db.transaction(async (tx) => {
    const value = await validate({ db: tx, brandId, input });
    const [row] = await tx
      .insert(templates)
      .values({ brandId, ...value, createdBy: actor.userId, updatedAt: new Date() })
      .returning();
    await recordAudit(tx, { actor, brandId, action: "template.create", objectType: "template", objectId: row.id, after: value });
    await recordChange(tx, { brandId, kind: "brand", objectId: brandId, userId: actor.userId, data: { template: row.id } });
    return row;
  });
}

export async function updateTemplate({ db = database(), brandId, actor, id, input }: { db?: Db; brandId: number; actor: Actor; id: number; input: TemplateInput }): Promise<Template> {
  return db.transaction(async (tx) => {
    const before = await requireTemplate({ db: tx, brandId, id });
    const value = await validate({ db: tx, brandId, id, input });
    const [row] = await tx
      .update(templates)
      .set({ ...value, updatedAt: new Date() })
      .where(and(eq(templates.id, id), eq(templates.brandId, brandId)))
      .returning();
    const { title, body, language, shortcut } = before;
    await recordAudit(tx, { actor, brandId, action: "template.update", objectType: "template", objectId: id, before: { title, body, language, shortcut }, after: value });
    await recordChange(tx, { brandId, kind: "brand", objectId: brandId, userId: actor.userId, data: { template: id } });
    return row;
  });
}

export async function deleteTemplate({ db = database(), brandId, actor, id }: { db?: Db; brandId: number; actor: Actor; id: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await requireTemplate({ db: tx, brandId, id });
    await tx.delete(templates).where(and(eq(templates.id, id), eq(templates.brandId, brandId)));
    const { title, body, language, shortcut } = before;
    await recordAudit(tx, { actor, brandId, action: "template.delete", objectType: "template", objectId: id, before: { title, body, language, shortcut } });
    await recordChange(tx, { brandId, kind: "brand", objectId: brandId, userId: actor.userId, data: { template: id } });
  });
}
