import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { listTemplates } from "@/lib/templates/templates";
import { renderTemplate, sampleValues, TEMPLATE_VARIABLES } from "@/lib/templates/variables";
import { EmptyState, Table, Td, Th } from "@/app/_components/ui/table";
import { DeleteTemplate, TemplateForm } from "./template-forms.client";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplateSettings({ searchParams }: { searchParams: Promise<{ brand?: string; edit?: string }> }) {
  const search = await searchParams;
  const user = await requirePageUser();
  const membership = pageMembership({ user, slug: search.brand });
  const canManage = hasRole(membership, "manager");
  const templates = listTemplates({ db: getDb(), brandId: membership.brandId });
  const editing = canManage ? templates.find((t) => t.id === Number(search.edit)) : undefined;
  const link = (edit?: number) => `/settings/templates?${new URLSearchParams({ brand: membership.slug, ...(edit ? { edit: String(edit) } : {}) })}`;
  const variables = Object.entries(TEMPLATE_VARIABLES).map(([name, description]) => ({ name, description }));
  return (
    <div className="space-y-8">
      <section aria-labelledby="templates-heading" className="space-y-3">
        <h1 id="templates-heading" className="text-lg font-semibold">
          Templates of {membership.name}
        </h1>
        <p className="text-zinc-500">
          Canned responses agents insert from the composer: the Templates button, Ctrl+/, “/” at the start of a reply, or a shortcut like ;refund then Space.
          {!canManage && " Managers and admins edit them."}
        </p>
        {templates.length === 0 ? (
          <EmptyState title="No templates yet.">{canManage ? "Add the answers your team gives most often below." : "Ask a manager to add the answers your team gives most often."}</EmptyState>
        ) : (
          <Table caption="Templates">
            <thead>
              <tr>
                <Th>Title</Th>
                <Th>Language</Th>
                <Th>Shortcut</Th>
                <Th>Text</Th>
                {canManage && <Th>Actions</Th>}
              </tr>
            </thead>
            <tbody>
              {templates.map((t) => (
                <tr key={t.id} aria-current={t.id === editing?.id ? "true" : undefined}>
                  <Td className="font-medium">{t.title}</Td>
                  <Td>{t.language ?? <span className="text-zinc-500">any</span>}</Td>
                  <Td>{t.shortcut ? <kbd>{t.shortcut}</kbd> : <span className="text-zinc-500">—</span>}</Td>
                  <Td className="max-w-md">
                    <p className="line-clamp-2 whitespace-pre-wrap break-words text-zinc-600 dark:text-zinc-400">{t.body}</p>
                  </Td>
                  {canManage && (
                    <Td>
                      <div className="flex items-center gap-2">
                        <Link href={link(t.id)} className="text-blue-700 underline dark:text-blue-400" aria-label={`Edit ${t.title}`}>
                          Edit
                        </Link>
                        <DeleteTemplate brandId={membership.brandId} templateId={t.id} title={t.title} />
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
            {editing ? `Edit “${editing.title}”` : "New template"}
          </h2>
          {editing && (
            <Link href={link()} className="text-sm text-blue-700 underline dark:text-blue-400">
              Cancel editing, write a new one
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
