import type { Translate } from "@/lib/i18n/messages";

type Param = { name: string; in: string; required: boolean; description?: string; schema: unknown };
export type DocOperation = {
  summary: string;
  description?: string;
  "x-scope": string;
  "x-role"?: string;
  parameters?: Param[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: unknown } } }>;
};

// A $ref names a schema listed under Schemas; anything else is shown as it is.
function SchemaView({ schema }: { schema: unknown }) {
  const ref = (schema as { $ref?: string }).$ref;
  if (ref) {
    const name = ref.split("/").pop()!;
    return (
      <a className="font-mono underline focus-visible:outline-2" href={`#schema-${name}`}>
        {name}
      </a>
    );
  }
  return (
    <pre tabIndex={0} className="max-h-64 overflow-auto rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-900">
      {JSON.stringify(schema, null, 2)}
    </pre>
  );
}

export function OperationSection({ id, method, path, op, t }: { id: string; method: string; path: string; op: DocOperation; t: Translate }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-3 rounded border border-zinc-200 p-3 dark:border-zinc-800">
      <h2 id={`${id}-title`} className="break-words text-base font-semibold">
        <code>{method.toUpperCase()}</code> <code>{path}</code>
      </h2>
      <p>{op.summary}</p>
      {op.description ? <p className="text-zinc-700 dark:text-zinc-300">{op.description}</p> : null}
      <p className="text-zinc-700 dark:text-zinc-300">
        {t("apiDocs.scope", { scope: op["x-scope"] })}
        {op["x-role"] ? ` · ${t("apiDocs.role", { role: op["x-role"] })}` : ""}
      </p>
      {op.parameters?.length ? (
        <div className="space-y-1">
          <h3 className="font-medium">{t("apiDocs.parameters")}</h3>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("apiDocs.parameters")}>
            <table className="w-full text-left text-xs">
              <thead>
                <tr>
                  <th className="p-1">{t("apiDocs.name")}</th>
                  <th className="p-1">{t("apiDocs.in")}</th>
                  <th className="p-1">{t("apiDocs.required")}</th>
                  <th className="p-1">{t("apiDocs.schema")}</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in} ${p.name}`} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                    <td className="p-1 font-mono">{p.name}</td>
                    <td className="p-1">{p.in}</td>
                    <td className="p-1">{p.required ? t("apiDocs.yes") : t("apiDocs.no")}</td>
                    <td className="p-1 font-mono break-all">{JSON.stringify(p.schema)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {op.requestBody ? (
        <div className="space-y-1">
          <h3 className="font-medium">{t("apiDocs.body")}</h3>
          <SchemaView schema={op.requestBody.content["application/json"].schema} />
        </div>
      ) : null}
      <div className="space-y-1">
        <h3 className="font-medium">{t("apiDocs.responses")}</h3>
        <ul className="space-y-1">
          {Object.entries(op.responses).map(([status, response]) => (
            <li key={status}>
              <code className="font-semibold">{status}</code> {response.description}{" "}
              {response.content ? <SchemaView schema={response.content["application/json"].schema} /> : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
