import type { Metadata } from "next";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { listMembers } from "@/lib/team/members";
import { NoAccess } from "@/app/_components/no-access";
import { Badge } from "@/app/_components/ui/badge";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { isMessageKey, translator } from "@/lib/i18n/messages";
import { formatter } from "@/lib/i18n/format";
import { listPendingInvitations } from "@/lib/team/invitations";
import { AddMemberForm, MemberActions, RoutingForm, WithdrawInvitation } from "./team-forms.client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("settings.team") };
}

export default async function TeamSettings({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const t = translator(user.locale);
  const roleName = (role: string) => {
    const key = `role.${role}`;
    return isMessageKey(key) ? t(key) : role;
  };
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  if (!hasRole(membership, "admin")) return <NoAccess what={t("team.noAccess")} />;
  const members = await listMembers({ brandId: membership.brandId });
  const invitations = await listPendingInvitations({ actor: { kind: "member", user }, brandId: membership.brandId });
  const when = (d: Date) => formatter(user.locale).dateTime(d, { dateStyle: "medium", timeZone: user.timezone ?? undefined });
  return (
    <div className="space-y-8">
      <section aria-labelledby="team-heading" className="space-y-3">
        <h1 id="team-heading" className="text-lg font-semibold">
          {t("team.heading", { brand: membership.name })}
        </h1>
        <Table caption={t("team.members")}>
          <thead>
            <tr>
              <Th>{t("team.name")}</Th>
              <Th>{t("team.email")}</Th>
              <Th>{t("team.role")}</Th>
              <Th>{t("team.status")}</Th>
              <Th>{t("team.routing")}</Th>
              <Th>{t("common.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <Td>{m.name}</Td>
                <Td>{m.email}</Td>
                <Td>{roleName(m.role)}</Td>
                <Td>{m.disabled ? <Badge tone="bad">{t("team.deactivated")}</Badge> : m.available ? <Badge tone="good">{t("team.available")}</Badge> : <Badge>{t("team.away")}</Badge>}</Td>
                <Td>
                  <RoutingForm brandId={membership.brandId} userId={m.userId} name={m.name} languages={m.languages} capacity={m.capacity} />
                </Td>
                <Td>
                  {m.userId === user.id ? (
                    <span className="text-zinc-500">{t("team.you")}</span>
                  ) : (
                    <MemberActions brandId={membership.brandId} userId={m.userId} role={m.role} disabled={m.disabled} name={m.name} />
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      {invitations.length > 0 && (
        <section aria-labelledby="invitations-heading" className="space-y-3">
          <h2 id="invitations-heading" className="text-base font-semibold">
            {t("team.invitations")}
          </h2>
          <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="invitations">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <span className="font-medium">{i.email}</span>
                <span className="text-zinc-500">
                  {roleName(i.role)}, {t("team.invitedAt", { at: when(i.createdAt) })}
                </span>
                <span className="ml-auto">
                  <WithdrawInvitation brandId={membership.brandId} invitationId={i.id} email={i.email} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="add-heading" className="space-y-3">
        <h2 id="add-heading" className="text-base font-semibold">
          {t("team.add")}
        </h2>
        <p className="text-zinc-500">{t("team.addIntro")}</p>
        <AddMemberForm brandId={membership.brandId} />
      </section>
    </div>
  );
}
