import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { listMembers } from "@/lib/team/members";
import { NoAccess } from "@/app/_components/no-access";
import { Badge } from "@/app/_components/ui/badge";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { AddMemberForm, MemberActions, RoutingForm } from "./team-forms.client";

export const metadata: Metadata = { title: "Team" };

export default async function TeamSettings({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  if (!hasRole(membership, "admin")) return <NoAccess what="Team settings are for admins." />;
  const members = listMembers({ db: getDb(), brandId: membership.brandId });
  return (
    <div className="space-y-8">
      <section aria-labelledby="team-heading" className="space-y-3">
        <h1 id="team-heading" className="text-lg font-semibold">
          Team of {membership.name}
        </h1>
        <Table caption="Members">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>E-mail</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Routing</Th>
              <Th>Actions</Th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <Td>{m.name}</Td>
                <Td>{m.email}</Td>
                <Td>{m.role}</Td>
                <Td>{m.disabled ? <Badge tone="bad">deactivated</Badge> : m.available ? <Badge tone="good">available</Badge> : <Badge>away</Badge>}</Td>
                <Td>
                  <RoutingForm brandId={membership.brandId} userId={m.userId} name={m.name} languages={m.languages} capacity={m.capacity} />
                </Td>
                <Td>
                  {m.userId === user.id ? (
                    <span className="text-zinc-500">you</span>
                  ) : (
                    <MemberActions brandId={membership.brandId} userId={m.userId} role={m.role} disabled={m.disabled} name={m.name} />
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      <section aria-labelledby="add-heading" className="space-y-3">
        <h2 id="add-heading" className="text-base font-semibold">
          Add a person
        </h2>
        <p className="text-zinc-500">A new person gets a one-time password to sign in with; an existing user is added with the role you choose.</p>
        <AddMemberForm brandId={membership.brandId} />
      </section>
    </div>
  );
}
