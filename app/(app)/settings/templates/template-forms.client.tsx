"use client";

import { useActionState, useRef, useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field, Input, fieldClass } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import { useT } from "@/app/_components/i18n.client";
import { deleteTemplateAction, previewTemplateAction, saveTemplateAction, type Preview } from "./actions";

type Fields = { title: string; body: string; language: string; shortcut: string };
const EMPTY: Fields = { title: "", body: "", language: "", shortcut: "" };

export function TemplateForm({
  brandId,
  template,
  variables,
  initialPreview,
}: {
  brandId: number;
  template: (Fields & { id: number }) | null;
  variables: { name: string; description: string }[];
  initialPreview: Preview | null;
}) {
  const t = useT();
  const [fields, setFields] = useState<Fields>(template ?? EMPTY);
  const [preview, setPreview] = useState<Preview | null>(initialPreview);
  const [, startPreview] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const [state, action, pending] = useActionState(async (prev: Awaited<ReturnType<typeof saveTemplateAction>>, formData: FormData) => {
    const result = await saveTemplateAction(prev, formData);
    if (result?.ok && !template) {
      setFields(EMPTY);
      setPreview(null);
    }
    return result;
  }, null);

  // Previews on the server with the same renderer agents get, a moment after typing stops.
  const schedulePreview = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    const data = new FormData();
    data.set("brandId", String(brandId));
    data.set("body", text);
    timer.current = setTimeout(() => startPreview(async () => setPreview(text.trim() ? await previewTemplateAction(null, data) : null)), 300);
  };
  const set = (key: keyof Fields, value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    if (key === "body") schedulePreview(value);
  };
  const insertVariable = (name: string) => {
    const el = body.current;
    const at = el?.selectionStart ?? fields.body.length;
    const end = el?.selectionEnd ?? at;
    const value = `${fields.body.slice(0, at)}{{${name}}}${fields.body.slice(end)}`;
    set("body", value);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + name.length + 4, at + name.length + 4);
    });
  };

  return (
    <form action={action} className="grid max-w-4xl gap-4 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-3">
        <input type="hidden" name="brandId" value={brandId} />
        <input type="hidden" name="templateId" value={template?.id ?? ""} />
        <div className="grid gap-3 sm:grid-cols-[1fr_8rem_10rem]">
          <Field label={t("templates.title")} htmlFor="template-title">
            <Input id="template-title" name="title" required maxLength={120} value={fields.title} onChange={(e) => set("title", e.target.value)} />
          </Field>
          <Field label={t("templates.language")} htmlFor="template-language" hint={t("templates.languageHint")}>
            <Input id="template-language" name="language" list="template-languages" placeholder="en" maxLength={11} value={fields.language} onChange={(e) => set("language", e.target.value)} />
          </Field>
          <Field label={t("templates.shortcut")} htmlFor="template-shortcut" hint={t("templates.shortcutHint")}>
            <Input id="template-shortcut" name="shortcut" placeholder=";refund" maxLength={33} value={fields.shortcut} onChange={(e) => set("shortcut", e.target.value)} />
          </Field>
        </div>
        <datalist id="template-languages">
          {["en", "ru", "de", "fr", "es", "it", "nl", "pl", "pt", "tr", "uk"].map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <Field label={t("templates.text")} htmlFor="template-body">
          <textarea
            ref={body}
            id="template-body"
            name="body"
            required
            rows={6}
            maxLength={10_000}
            value={fields.body}
            onChange={(e) => set("body", e.target.value)}
            className={`block w-full ${fieldClass()}`}
          />
        </Field>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {t(pending ? "common.saving" : template ? "templates.saveChanges" : "templates.add")}
          </Button>
          <FormMessage state={state} />
        </div>
      </div>
      <aside className="space-y-3 text-sm">
        <div>
          <h3 className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{t("templates.variables")}</h3>
          <ul className="mt-1 space-y-1">
            {variables.map((v) => (
              <li key={v.name}>
                <button type="button" onClick={() => insertVariable(v.name)} className="font-mono text-xs text-blue-700 underline dark:text-blue-400" aria-label={t("templates.insertVariable", { variable: `{{${v.name}}}`, description: v.description })}>
                  {`{{${v.name}}}`}
                </button>{" "}
                <span className="text-xs text-zinc-500">{v.description}</span>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-zinc-500">{t("templates.fallback")}</p>
        </div>
        <div aria-live="polite">
          <h3 className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{t("templates.preview")}</h3>
          {!preview ? (
            <p className="mt-1 text-xs text-zinc-500">{t("templates.previewEmpty")}</p>
          ) : "error" in preview ? (
            <p className="mt-1 text-xs text-red-700">{preview.error}</p>
          ) : (
            <>
              <p data-testid="template-preview" className="mt-1 whitespace-pre-wrap break-words rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
                {preview.text}
              </p>
              {preview.unknown.length > 0 && (
                <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
                  {t("templates.unknown", { variables: preview.unknown.map((u) => `{{${u}}}`).join(", ") })}
                </p>
              )}
              {preview.missing.length > 0 && <p className="mt-1 text-xs text-amber-700">{t("templates.emptySample", { variables: preview.missing.map((u) => `{{${u}}}`).join(", ") })}</p>}
            </>
          )}
        </div>
      </aside>
    </form>
  );
}

export function DeleteTemplate({ brandId, templateId, title }: { brandId: number; templateId: number; title: string }) {
  const [state, action, pending] = useActionState(deleteTemplateAction, null);
  const [confirming, setConfirming] = useState(false);
  const t = useT();
  if (!confirming)
    return (
      <Button type="button" variant="ghost" onClick={() => setConfirming(true)} aria-label={t("templates.deleteNamed", { title })}>
        {t("common.delete")}
      </Button>
    );
  return (
    <form action={action} className="flex items-center gap-1">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="templateId" value={templateId} />
      <span className="text-xs">{t("templates.confirmDelete", { title })}</span>
      <Button type="submit" variant="danger" disabled={pending} autoFocus>
        {t(pending ? "common.deleting" : "common.delete")}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
        {t("templates.keep")}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
