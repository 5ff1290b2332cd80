import Link from "next/link";
import { auditObjectHref, type AuditEntry } from "@/lib/audit/query";
import { Td } from "@/app/_components/ui/table";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatter } from "@/lib/i18n/format";

function formatAt(at: number, timeZone: string, locale: Locale): string {
  return formatter(locale).dateTime(new Date(at), { timeZone, dateStyle: "medium", timeStyle: "medium" });
}

export function AuditRow({ entry, brandSlug, timeZone, locale }: { entry: AuditEntry; brandSlug: string; timeZone: string; locale: Locale }) {
  const t = translator(locale);
  const objectHref = auditObjectHref({ objectType: entry.objectType, objectId: entry.objectId, brandSlug });
  const object = `${entry.objectType.replace(/_/g, " ")}${entry.objectId ? ` #${entry.objectId}` : ""}`;
  return (
    <tr data-testid="audit-entry">
      <Td className="whitespace-nowrap align-top">
        <time dateTime={new Date(entry.at).toISOString()}>{formatAt(entry.at, timeZone, locale)}</time>
      </Td>
      <Td className="align-top">{entry.actor}</Td>
      <Td className="align-top">
        <code className="text-xs">{entry.action}</code>
      </Td>
      <Td className="whitespace-nowrap align-top">{objectHref ? <Link className="underline" href={objectHref}>{object}</Link> : object}</Td>
      <Td className="align-top">
        {entry.changes.length === 0 ? (
          <span className="text-zinc-500">—</span>
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            {entry.changes.map((line) => (
              <div key={line.path} className="contents">
                <dt className="font-medium text-zinc-600 dark:text-zinc-400">{line.path}</dt>
                <dd className="break-all">
                  {line.before !== undefined && (
                    <del className="bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300">
                      <span className="sr-only">{`${t("audit.was")} `}</span>
                      {line.before}
                    </del>
                  )}
                  {line.before !== undefined && line.after !== undefined && <span aria-hidden="true"> → </span>}
                  {line.after !== undefined && (
                    <ins className="bg-emerald-50 text-emerald-800 no-underline dark:bg-emerald-950 dark:text-emerald-300">
                      <span className="sr-only">{line.before !== undefined ? ` ${t("audit.now")} ` : `${t("audit.setTo")} `}</span>
                      {line.after}
                    </ins>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Td>
    </tr>
  );
}
