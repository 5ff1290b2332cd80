"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { ConfirmSubmit } from "@/app/_components/ui/dialog";
import { useT } from "@/app/_components/i18n.client";
import type { Translate } from "@/lib/i18n/messages";
import { FormMessage } from "@/app/_components/ui/form-message";
import { deleteRuleAction, moveRuleAction, setRuleEnabledAction } from "./actions";
import { ACTIONS, CONDITIONS, specOf, type TypeSpec } from "./rule-fields";
import { RuleEditor, type EditorRefs, type StoredRule } from "./rule-editor.client";

function describeItem(item: Record<string, unknown>, specs: TypeSpec[], refs: EditorRefs, t: Translate): string {
  const spec = specOf(specs, String(item.type));
  const name = (list: { id: number; name: string }[], value: unknown) => list.find((o) => String(o.id) === String(value))?.name ?? `#${value}`;
  const parts = spec.fields
    .map((f) => {
      const value = item[f.key];
      if (Array.isArray(value)) {
        if (value.length === 0) return null;
        const shown = f.kind === "people" ? value.map((v) => name(refs.people, v)) : f.kind === "channels" ? value.map((v) => name(refs.channels, v)) : value.map(String);
        return shown.join(", ");
      }
      if (value === undefined || value === "") return null;
      if (f.kind === "person") return name(refs.people, value);
      if (f.kind === "endpoint") return name(refs.endpoints, value);
      const option = f.options?.find((o) => o.value === String(value));
      const shown = option ? t(option.label) : String(value);
      // A number goes in as a number: the text may say it in the singular or plural.
      return f.short ? t(f.short, { value: typeof value === "number" && !option ? value : shown }) : shown;
    })
    .filter(Boolean);
  return parts.length ? `${t(spec.label)}: ${parts.join(" · ")}` : t(spec.label);
}

function RuleRow({ brandId, rule, index, count, refs }: { brandId: number; rule: StoredRule; index: number; count: number; refs: EditorRefs }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [moveState, move, moving] = useActionState(moveRuleAction, null);
  const [toggleState, toggle, toggling] = useActionState(setRuleEnabledAction, null);
  const [deleteState, remove, deleting] = useActionState(deleteRuleAction, null);
  const hidden = (
    <>
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="ruleId" value={rule.id} />
    </>
  );
  return (
    <li className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid={`rule-${rule.id}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-zinc-500 tabular-nums">{index + 1}.</span>
        <h3 className="font-medium">{rule.name}</h3>
        <Badge tone={rule.enabled ? "good" : "neutral"}>{rule.enabled ? t("rules.enabled") : t("rules.disabled")}</Badge>
        <Badge>{rule.match === "all" ? t("rules.match.all") : t("rules.match.any")}</Badge>
        <div className="ml-auto flex flex-wrap gap-1">
          <form action={move}>
            {hidden}
            <input type="hidden" name="direction" value="up" />
            <Button type="submit" variant="ghost" disabled={index === 0 || moving} aria-label={t("rules.moveUp", { name: rule.name })}>
              ↑
            </Button>
          </form>
          <form action={move}>
            {hidden}
            <input type="hidden" name="direction" value="down" />
            <Button type="submit" variant="ghost" disabled={index === count - 1 || moving} aria-label={t("rules.moveDown", { name: rule.name })}>
              ↓
            </Button>
          </form>
          <form action={toggle}>
            {hidden}
            <input type="hidden" name="enabled" value={rule.enabled ? "false" : "true"} />
            <Button type="submit" variant="secondary" disabled={toggling}>
              {rule.enabled ? t("rules.disable") : t("rules.enable")}
            </Button>
          </form>
          <Button type="button" variant="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? t("rules.closeEditor") : t("common.edit")}
          </Button>
          <form action={remove}>
            {hidden}
            <ConfirmSubmit question={t("rules.confirmDelete", { name: rule.name })} confirmLabel={t("common.delete")} cancelLabel={t("common.cancel")} disabled={deleting}>
              {t("common.delete")}
            </ConfirmSubmit>
          </form>
        </div>
      </div>
      <div className="grid gap-1 text-sm sm:grid-cols-[4rem_1fr]">
        <span className="text-zinc-500">{t("rules.when")}</span>
        <ul>
          {rule.conditions.map((c, i) => (
            <li key={i}>{describeItem(c, CONDITIONS, refs, t)}</li>
          ))}
        </ul>
        <span className="text-zinc-500">{t("rules.then")}</span>
        <ul>
          {rule.actions.map((a, i) => (
            <li key={i}>{describeItem(a, ACTIONS, refs, t)}</li>
          ))}
        </ul>
      </div>
      <FormMessage state={moveState?.error ? moveState : toggleState?.error ? toggleState : deleteState} />
      {editing && (
        <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <RuleEditor brandId={brandId} rule={rule} refs={refs} onDone={() => setEditing(false)} />
        </div>
      )}
    </li>
  );
}

export function RuleList({ brandId, rules, refs }: { brandId: number; rules: StoredRule[]; refs: EditorRefs }) {
  const t = useT();
  return (
    <ol className="space-y-3" aria-label={t("rules.listLabel")}>
      {rules.map((rule, i) => (
        <RuleRow key={rule.id} brandId={brandId} rule={rule} index={i} count={rules.length} refs={refs} />
      ))}
    </ol>
  );
}
