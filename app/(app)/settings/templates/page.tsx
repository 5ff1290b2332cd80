import type { Metadata } from "next";
import Link from "next/link";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { listTemplates } from "@/lib/templates/templates";
import { renderTemplate, sampleValues, TEMPLATE_VARIABLES } from "@/lib/templates/variables";
import { EmptyState, Table, Td, Th } from "@/app/_components/ui/table";
import { isMessageKey, translator } from "@/lib/i18n/messages";
import { DeleteTemplate, TemplateForm } from "./template-forms.client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("settings.templates") };
}

export default async function TemplateSettings({ searchParams }: { searchParams: Promise<{ brand?: string; edit?: string }> }) {
  const search = await searchParams;
  const user = await requirePageUser();
  const t = translator(user.locale);
  const membership = pageMembership({ user, slug: search.brand });
  const canManage = hasRole(membership, "manager");
  const templates = await listTemplates({ brandId: membership.brandId });
  const editing = canManage ? templates.find((tpl) => tpl.id === Number(search.edit)) : undefined;
  const link = (edit?: number) => `/settings/templates?${new URLSearchParams({ brand: membership.slug, ...(edit ? { edit: String(edit) } : {}) })}`;
  const variables = Object.entries(TEMPLATE_VARIABLES).map(([name, description]) => {
    const key = `templates.var.${name}`;
    return { name, description: isMessageKey(key) ? t(key) : description };
  });
  return (
    <div className="space-y-8">
      <section aria-labelledby="templates-heading" className="space-y-3">
        <h1 id="templates-heading" className="text-lg font-semibold">
          {t("templates.heading", { brand: membership.name })}
        </h1>
        <p className="text-zinc-500">
          {t("templates.intro")}
          {!canManage && ` ${t("templates.managersEdit")}`}
        </p>
        {templates.length === 0 ? (
          <EmptyState title={t("templates.empty")}>{t(canManage ? "templates.emptyManage" : "templates.emptyAsk")}</EmptyState>
        ) : (
          <Table caption={t("settings.templates")}>
            <thead>
              <tr>
                <Th>{t("templates.title")}</Th>
                <Th>{t("templates.language")}</Th>
                <Th>{t("templates.shortcut")}</Th>
                <Th>{t("templates.text")}</Th>
                {canManage && <Th>{t("common.actions")}</Th>}
              </tr>
            </thead>
            <tbody>
              {templates.map((tpl) => (
                <tr key={tpl.id} aria-current={tpl.id === editing?.id ? "true" : undefined}>
                  <Td className="font-medium">{tpl.title}</Td>
                  <Td>{tpl.language ?? <span className="text-zinc-500">{t("templates.anyLanguage")}</span>}</Td>
                  <Td>{tpl.shortcut ? <kbd>{tpl.shortcut}</kbd> : <span className="text-zinc-500">—</span>}</Td>
                  <Td className="max-w-md">
                    <p className="line-clamp-2 whitespace-pre-wrap break-words text-zinc-600 dark:text-zinc-400">{tpl.body}</p>
                  </Td>
                  {canManage && (
                    <Td>
                      <div className="flex items-center gap-2">
                        <Link href={link(tpl.id)} className="text-blue-700 underline dark:text-blue-400" aria-label={t("templates.editNamed", { title: tpl.title })}>
                          {t("common.edit")}
                        </Link>
                        <DeleteTemplate brandId={membership.brandId} templateId={tpl.id} title={tpl.title} />
                      </div>
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      {canManage && (
        <section aria-labelledby="template-form-heading" className="space-y-3">
          <h2 id="template-form-heading" className="text-base font-semibold">
            {editing ? t("templates.editHeading", { title: editing.title }) : t("templates.new")}
          </h2>
          {editing && (
            <Link href={link()} className="text-sm text-blue-700 underline dark:text-blue-400">
              {t("templates.cancelEdit")}
            </Link>
          )}
          <TemplateForm
            key={editing?.id ?? "new"}
            brandId={membership.brandId}
            template={editing ? { id: editing.id, title: editing.title, body: editing.body, language: editing.language ?? "", shortcut: editing.shortcut ?? "" } : null}
            variables={variables}
            initialPreview={editing ? { ...renderTemplate(editing.body, sampleValues({ brand: membership.name, agent: user.name })), unknown: [] } : null}
          />
        </section>
      )}
    </div>
  );
}
