"use client";

import { useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { useT } from "@/app/_components/i18n.client";
import { Field, Input } from "@/app/_components/ui/input";
import { Select as KitSelect } from "@/app/_components/ui/select";
import { FormMessage } from "@/app/_components/ui/form-message";
import { dryRunAction, saveRuleAction, type RuleFormState } from "./actions";
import { ACTIONS, CONDITIONS, draftOf } from "./rule-fields";
import { ErrorText, Items, type Draft, type EditorRefs } from "./rule-items.client";

export type { EditorRefs } from "./rule-items.client";

export type StoredRule = { id: number; name: string; enabled: boolean; match: "all" | "any"; conditions: Record<string, unknown>[]; actions: Record<string, unknown>[] };

type RuleDraft = { name: string; enabled: boolean; match: "all" | "any"; conditions: Draft[]; actions: Draft[] };

const LIST_FIELDS = new Set(["terms", "languages", "addresses"]);

// Lists are edited as text and split on save, so typing "a, " keeps its comma.
function toDraft(items: Record<string, unknown>[]): Draft[] {
  return items.map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, LIST_FIELDS.has(k) && Array.isArray(v) ? v.join(", ") : v])));
}

function serialize(rule: RuleDraft): string {
  const split = (items: Draft[]) =>
    items.map((item) =>
      Object.fromEntries(
        Object.entries(item).map(([k, v]) => [
          k,
          LIST_FIELDS.has(k) && typeof v === "string"
            ? v
                .split(/[\n,]/)
                .map((s) => s.trim())
                .filter(Boolean)
            : v,
        ]),
      ),
    );
  return JSON.stringify({ ...rule, conditions: split(rule.conditions), actions: split(rule.actions) });
}

function DryRunResult({ state }: { state: RuleFormState }) {
  const t = useT();
  const run = state?.dryRun;
  if (!run) return null;
  return (
    <section aria-label={t("rules.dryRunResult")} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid="dry-run">
      <p role="status" className="font-medium">
        {t("rules.dryRunMatched", { matched: run.matched, examined: run.examined })}
      </p>
      {run.matches.length > 0 && (
        <ol className="max-h-80 space-y-1.5 overflow-y-auto text-sm">
          {run.matches.map((m) => (
            <li key={m.messageId} className="rounded border border-zinc-100 px-2 py-1 dark:border-zinc-900">
              <span className="block text-xs text-zinc-500">
                {new Date(m.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC{m.cues.length ? ` · ${m.cues.join(" · ")}` : ""}
              </span>
              <span className="line-clamp-3 whitespace-pre-wrap break-words">{m.text}</span>
            </li>
          ))}
        </ol>
      )}
      {run.matched > run.matches.length && <p className="text-xs text-zinc-500">{t("rules.dryRunShowing", { count: run.matches.length })}</p>}
    </section>
  );
}

export function RuleEditor({ brandId, rule, refs, onDone }: { brandId: number; rule?: StoredRule; refs: EditorRefs; onDone?: () => void }) {
  const t = useT();
  const fresh = (): RuleDraft => ({
    name: rule?.name ?? "",
    enabled: rule?.enabled ?? true,
    match: rule?.match ?? "all",
    conditions: rule ? toDraft(rule.conditions) : [draftOf(CONDITIONS[0])],
    actions: rule ? toDraft(rule.actions) : [draftOf(ACTIONS[0])],
  });
  const [draft, setDraft] = useState<RuleDraft>(fresh);
  const [state, setState] = useState<RuleFormState>(null);
  const [pending, startTransition] = useTransition();
  const prefix = rule ? `rule-${rule.id}` : "rule-new";
  // Built from state rather than submitted as a form action: React resets a form after its
  // action, which would put the type selects back to their first option under the user.
  const run = (action: typeof saveRuleAction) => {
    const data = new FormData();
    data.set("brandId", String(brandId));
    if (rule) data.set("ruleId", String(rule.id));
    data.set("rule", serialize(draft));
    startTransition(async () => {
      const result = await action(null, data);
      setState(result);
      // A created rule appears in the list above; the form starts over for the next one.
      if (result?.ok && !result.dryRun && !rule) setDraft(fresh());
    });
  };
  const errors = state?.fieldErrors ?? {};
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        run(saveRuleAction);
      }}
      className="max-w-3xl space-y-4"
      aria-label={rule ? t("rules.editLabel", { name: rule.name }) : t("rules.newRule")}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <Field label={t("rules.name")} htmlFor={`${prefix}-name`}>
          <Input id={`${prefix}-name`} value={draft.name} maxLength={80} aria-invalid={!!errors.name} aria-describedby={errors.name ? `${prefix}-name-error` : undefined} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </Field>
        <Field label={t("rules.match")} htmlFor={`${prefix}-match`}>
          <KitSelect<"all" | "any">
            id={`${prefix}-match`}
            className="w-full"
            value={draft.match}
            onChange={(match) => setDraft({ ...draft, match })}
            options={[
              { value: "all", label: t("rules.match.all") },
              { value: "any", label: t("rules.match.any") },
            ]}
          />
        </Field>
        <label className="flex items-center gap-1.5 pb-1.5 text-sm">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} /> {t("rules.enabledLabel")}
        </label>
      </div>
      <ErrorText id={`${prefix}-name-error`} message={errors.name} />
      <ErrorText id={`${prefix}-error`} message={errors[""]} />
      <Items title={t("rules.when")} specs={CONDITIONS} items={draft.conditions} setItems={(conditions) => setDraft({ ...draft, conditions })} path="conditions" errors={errors} refs={refs} prefix={prefix} />
      <Items title={t("rules.then")} specs={ACTIONS} items={draft.actions} setItems={(actions) => setDraft({ ...draft, actions })} path="actions" errors={errors} refs={refs} prefix={prefix} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("rules.working") : rule ? t("rules.save") : t("rules.create")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run(dryRunAction)}>
          {t("rules.dryRun")}
        </Button>
        {onDone && (
          <Button type="button" variant="ghost" onClick={onDone}>
            {t("rules.close")}
          </Button>
        )}
      </div>
      <FormMessage state={state ? { ok: state.ok, error: state.error } : null} />
      <DryRunResult state={state} />
    </form>
  );
}
