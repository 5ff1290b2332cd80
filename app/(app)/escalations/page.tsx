import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { openEscalations } from "@/lib/escalation/queue";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { NoAccess } from "@/app/_components/no-access";
import { EmptyState, Table, Td, Th } from "@/app/_components/ui/table";

export const metadata: Metadata = { title: "Escalations" };

export default async function EscalationsPage({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  if (!hasRole(membership, "manager"))
    return (
      <main className="p-6">
        <NoAccess what="The escalation queue is for managers and admins." />
      </main>
    );
  const rows = openEscalations({ db: getDb(), brandId: membership.brandId });
  return (
    <main className="space-y-4 p-6">
      <h1 className="text-lg font-semibold">Escalations — {membership.name}</h1>
      {rows.length === 0 ? (
        <EmptyState title="No open escalations.">Negative and urgent conversations that need a manager appear here.</EmptyState>
      ) : (
        <Table caption="Open escalations">
          <thead>
            <tr>
              <Th>Level</Th>
              <Th>Reason</Th>
              <Th>Conversation</Th>
              <Th>Status</Th>
              <Th>Since</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>{r.level}</Td>
                <Td>{r.reason}</Td>
                <Td>
                  <Link className="underline" href={`/inbox?brand=${membership.slug}&view=escalated&c=${r.conversationId}`}>
                    {r.preview.slice(0, 80)}
                  </Link>
                </Td>
                <Td>{r.status}</Td>
                <Td>{new Date(r.createdAt).toISOString().slice(0, 16).replace("T", " ")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </main>
  );
}
