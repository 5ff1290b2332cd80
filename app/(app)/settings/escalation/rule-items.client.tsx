"use client";

import { Button } from "@/app/_components/ui/button";
import { useT } from "@/app/_components/i18n.client";
import { Field, Input, fieldClass } from "@/app/_components/ui/input";
import { Select as KitSelect } from "@/app/_components/ui/select";
import { draftOf, specOf, type FieldSpec, type TypeSpec } from "./rule-fields";

export type Option = { id: number; name: string; detail?: string };
export type EditorRefs = { channels: Option[]; people: Option[]; endpoints: Option[] };
export type Draft = Record<string, unknown>;

export function ErrorText({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-xs text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}

function FieldInput({ spec, value, onChange, refs, id, error }: { spec: FieldSpec; value: unknown; onChange: (v: unknown) => void; refs: EditorRefs; id: string; error?: string }) {
  const t = useT();
  const described = error ? `${id}-error` : undefined;
  const picks = (options: { value: string; label: string }[]) => {
    const chosen = new Set((Array.isArray(value) ? value : []).map(String));
    return (
      <fieldset aria-describedby={described} className="flex flex-wrap gap-x-3 gap-y-1">
        <legend className="sr-only">{t(spec.label)}</legend>
        {options.length === 0 && <span className="text-xs text-zinc-500">{t("rules.noneAvailable")}</span>}
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={chosen.has(o.value)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(o.value);
                else next.delete(o.value);
                onChange([...next]);
              }}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  };
  const people = refs.people.map((p) => ({ value: String(p.id), label: p.detail ? `${p.name} (${p.detail})` : p.name }));
  switch (spec.kind) {
    case "multi":
      return picks((spec.options ?? []).map((o) => ({ value: o.value, label: t(o.label) })));
    case "people":
      return picks(people);
    case "channels":
      return picks(refs.channels.map((c) => ({ value: String(c.id), label: c.detail ? `${c.name} (${c.detail})` : c.name })));
    case "choice":
    case "person":
    case "endpoint": {
      const options = spec.kind === "choice" ? (spec.options ?? []).map((o) => ({ value: o.value, label: t(o.label) })) : spec.kind === "person" ? people : refs.endpoints.map((e) => ({ value: String(e.id), label: e.detail ? `${e.name} (${e.detail})` : e.name }));
      return (
        <KitSelect
          id={id}
          className="w-full"
          describedBy={described}
          invalid={!!error}
          value={String(value ?? "")}
          onChange={onChange}
          options={[
            ...(spec.kind !== "choice" ? [{ value: "", label: options.length ? t("rules.choose") : spec.kind === "endpoint" ? t("rules.noEndpoints") : t("rules.nobody") }] : []),
            ...options,
          ]}
        />
      );
    }
    case "list":
      return <textarea id={id} aria-describedby={described} aria-invalid={!!error} rows={2} value={String(value ?? "")} onChange={(e) => onChange(e.target.value)} className={`block w-full ${fieldClass()}`} />;
    default:
      return <Input id={id} aria-describedby={described} aria-invalid={!!error} type={spec.kind === "number" ? "number" : "text"} step={spec.step ?? (spec.kind === "number" ? 1 : undefined)} value={String(value ?? "")} onChange={(e) => onChange(e.target.value)} />;
  }
}

export function Items({
  title,
  specs,
  items,
  setItems,
  path,
  errors,
  refs,
  prefix,
}: {
  title: string;
  specs: TypeSpec[];
  items: Draft[];
  setItems: (items: Draft[]) => void;
  path: "conditions" | "actions";
  errors: Record<string, string>;
  refs: EditorRefs;
  prefix: string;
}) {
  const t = useT();
  const update = (i: number, next: Draft) => setItems(items.map((item, j) => (j === i ? next : item)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{title}</legend>
      <ErrorText id={`${prefix}-${path}-error`} message={errors[path]} />
      {items.map((item, i) => {
        const spec = specOf(specs, String(item.type));
        const base = `${prefix}-${path}-${i}`;
        return (
          <div key={i} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <div className="flex items-end gap-2">
              <div className="flex-1">
                <Field label={t(path === "conditions" ? "rules.condition" : "rules.action", { n: i + 1 })} htmlFor={`${base}-type`}>
                  <KitSelect id={`${base}-type`} className="w-full" value={spec.type} onChange={(type) => update(i, draftOf(specOf(specs, type)))} options={specs.map((s) => ({ value: s.type, label: t(s.label) }))} />
                </Field>
              </div>
              <Button type="button" variant="ghost" onClick={() => setItems(items.filter((_, j) => j !== i))} aria-label={t(path === "conditions" ? "rules.removeCondition" : "rules.removeAction", { n: i + 1 })}>
                {t("rules.remove")}
              </Button>
            </div>
            <ErrorText id={`${base}-error`} message={errors[`${path}.${i}`] ?? errors[`${path}.${i}.type`]} />
            {spec.fields.map((f) => {
              const id = `${base}-${f.key}`;
              const error = errors[`${path}.${i}.${f.key}`];
              return (
                <div key={f.key} className="space-y-1">
                  <label htmlFor={id} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
                    {t(f.label)}
                  </label>
                  <FieldInput spec={f} id={id} value={item[f.key]} error={error} refs={refs} onChange={(v) => update(i, { ...item, [f.key]: v })} />
                  {f.hint && <p className="text-xs text-zinc-500">{t(f.hint)}</p>}
                  <ErrorText id={`${id}-error`} message={error} />
                </div>
              );
            })}
          </div>
        );
      })}
      <Button type="button" variant="secondary" onClick={() => setItems([...items, draftOf(specs[0])])}>
        {t(path === "conditions" ? "rules.addCondition" : "rules.addAction")}
      </Button>
    </fieldset>
  );
}
