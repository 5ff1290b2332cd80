import type { SessionUser } from "@/lib/auth/access";
import { listMyInvitations } from "@/lib/team/invitations";
import { isMessageKey, translator } from "@/lib/i18n/messages";
import { Button } from "@/app/_components/ui/button";
import { answerInvitationAction } from "./actions";

// The person's pending invitations to other brands; shown on the account page, and in place of
// the app for someone who belongs to no brand yet.
export async function MyInvitations({ user }: { user: SessionUser }) {
  const invitations = await listMyInvitations({ userId: user.id });
  if (invitations.length === 0) return null;
  const t = translator(user.locale);
  const roleName = (role: string) => {
    const key = `role.${role}`;
    return isMessageKey(key) ? t(key) : role;
  };
  return (
    <section aria-labelledby="invitations-heading" className="space-y-3">
      <h2 id="invitations-heading" className="font-medium">
        {t("account.invitations")}
      </h2>
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="my-invitations">
        {invitations.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2 text-sm">
            <span>
              {t("account.invitation", { brand: i.brandName, role: roleName(i.role) })} {i.invitedBy ? t("account.invitedBy", { name: i.invitedBy }) : null}
            </span>
            <form action={answerInvitationAction} className="ml-auto flex gap-2">
              <input type="hidden" name="invitationId" value={i.id} />
              <Button type="submit" name="answer" value="accept" aria-label={`${t("account.accept")}: ${i.brandName}`}>
                {t("account.accept")}
              </Button>
              <Button type="submit" name="answer" value="decline" variant="secondary" aria-label={`${t("account.decline")}: ${i.brandName}`}>
                {t("account.decline")}
              </Button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
