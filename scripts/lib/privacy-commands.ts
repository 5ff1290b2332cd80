import { operator } from "@/lib/auth/authorize";
import { requireBrandBySlug } from "@/lib/brands/brands";
import { exportContact, findContacts } from "@/lib/privacy/contacts";
import { eraseContact } from "@/lib/privacy/erase";
import { previewRetention, setRetention } from "@/lib/privacy/retention";
import { requireFlag, UsageError } from "./args";

type Flags = Record<string, string | true>;

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

function contactId(flags: Flags): number {
  const id = Number(requireFlag(flags, "contact"));
  if (!Number.isSafeInteger(id) || id <= 0) throw new UsageError("--contact must be a contact id (contact find prints it)");
  return id;
}

/** Runs a privacy command; false when the words name none. */
export async function runPrivacyCommand(command: string, flags: Flags): Promise<boolean> {
  switch (command) {
    case "contact find": {
      const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
      json(await findContacts({ actor: operator, brandId: brand.id, query: requireFlag(flags, "query") }));
      return true;
    }
    case "contact export": {
      const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
      json(await exportContact({ actor: operator, brandId: brand.id, contactId: contactId(flags) }));
      return true;
    }
    case "contact erase": {
      const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
      const id = contactId(flags);
      if (typeof flags.reason !== "string" || !flags.reason.trim()) throw new UsageError('Erasing needs --reason "…" (who asked and why); the audit log keeps it.');
      const result = await eraseContact({ actor: operator, brandId: brand.id, contactId: id, reason: flags.reason, dryRun: flags["dry-run"] === true });
      process.stderr.write(result.dryRun ? `Dry run: nothing was changed. Erasing contact ${id} would change:\n` : `Erased contact ${id}:\n`);
      json(result);
      return true;
    }
    case "retention show": {
      const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
      json(await previewRetention({ actor: operator, brandId: brand.id }));
      return true;
    }
    case "retention set": {
      const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
      const value = requireFlag(flags, "months");
      const months = value === "off" ? null : Number(value);
      if (months !== null && (!Number.isInteger(months) || months < 1 || months > 240)) throw new UsageError("--months must be a whole number of months from 1 to 240, or off");
      const result = await setRetention({ actor: operator, brandId: brand.id, months, confirm: flags.yes === true });
      if (!result.saved) process.stderr.write(`Not saved. Keeping ${months} months would erase the texts of ${result.wouldErase} messages; run again with --yes to turn it on.\n`);
      json(result);
      return true;
    }
    default:
      return false;
  }
}
