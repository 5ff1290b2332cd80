import type { Metadata } from "next";
import { headers } from "next/headers";
import { openApiDocument } from "@/lib/api/openapi";
import { localeFromHeader, translator } from "@/lib/i18n/messages";
import { OperationSection, type DocOperation } from "./operation";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "API" };

type Doc = { info: { description: string }; paths: Record<string, Record<string, DocOperation>>; components: { schemas: Record<string, unknown> } };

const anchor = (method: string, path: string) => `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-+$/, "");

// Public like the document it renders: it lists operations and shapes, no brand's data.
export default async function ApiDocsPage() {
  const locale = localeFromHeader((await headers()).get("accept-language"));
  const t = translator(locale);
  const doc = openApiDocument() as unknown as Doc;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  return (
    <main className="mx-auto max-w-4xl space-y-8 p-4 sm:p-6" lang={locale}>
      <header className="space-y-2">
        <h1 className="text-xl font-semibold">{t("apiDocs.title")}</h1>
        <p className="text-zinc-700 dark:text-zinc-300">{t("apiDocs.intro")}</p>
        <p className="text-zinc-700 dark:text-zinc-300">{t("apiDocs.errors")}</p>
        <p>
          <a className="text-blue-700 underline focus-visible:outline-2 dark:text-blue-300" href="/api/v1/openapi.json">
            {t("apiDocs.document")}
          </a>
        </p>
      </header>
      <nav aria-labelledby="operations-heading">
        <h2 id="operations-heading" className="mb-2 text-base font-semibold">
          {t("apiDocs.operations")}
        </h2>
        <ul className="space-y-1">
          {operations.map(({ path, method, op }) => (
            <li key={`${method} ${path}`} className="break-words">
              <a className="underline focus-visible:outline-2" href={`#${anchor(method, path)}`}>
                <code className="font-semibold">{method.toUpperCase()}</code> <code>{path}</code>
              </a>{" "}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <OperationSection key={`${method} ${path}`} id={anchor(method, path)} method={method} path={path} op={op} t={t} />
      ))}
      <section aria-labelledby="schemas-heading" className="space-y-2">
        <h2 id="schemas-heading" className="text-base font-semibold">
          {t("apiDocs.schemas")}
        </h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <details key={name} id={`schema-${name}`} className="rounded border border-zinc-200 dark:border-zinc-800">
            <summary className="cursor-pointer p-2 font-mono focus-visible:outline-2">{name}</summary>
            <pre tabIndex={0} className="max-h-96 overflow-auto p-2 text-xs">
              {JSON.stringify(schema, null, 2)}
            </pre>
          </details>
        ))}
      </section>
    </main>
  );
}
