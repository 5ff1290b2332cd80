import { closeDatabase } from "@/db/client";
import { authorize, operator } from "@/lib/auth/authorize";
import { cliActor } from "@/lib/audit/record";
import { createBrand, requireBrandBySlug } from "@/lib/brands/brands";
import { createUser, requireUserByEmail } from "@/lib/team/users";
import { addMember } from "@/lib/team/members";
import { createToken, revokeToken, type Scope } from "@/lib/auth/tokens";
import { backupDatabase } from "@/lib/ops/backup";
import { ROLES, type Role } from "@/db/schema";
import { connectHint, createConfiguredChannel, listChannelConfigs } from "@/lib/channels/operate";
import { parseArgs, requireFlag, runCli, UsageError } from "./lib/args";
import { runPrivacyCommand } from "./lib/privacy-commands";

const USAGE = `Usage: npm run --silent admin -- <command>
  brand create --slug S --name N [--timezone TZ]
  user create --email E --password P [--name N]
  member add --email E --brand S --role admin|manager|agent
  token create --brand S --name N [--scopes ingest,read,write --as EMAIL]
  token revoke --brand S --name N
  channel create --brand S --kind facebook|instagram|twitter|vk|telegram|youtube|email|web --name N [--account-id A] [--config JSON]
  channel list --brand S
  backup FILE
  contact find --brand S --query TEXT
  contact export --brand S --contact ID
  contact erase --brand S --contact ID --reason "…" [--dry-run]
  retention show --brand S
  retention set --brand S --months N|off [--yes]`;

// The operator holds every role, but lib/ keeps the invariants (a brand keeps its last admin).
async function main() {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  const [noun, verb] = positional;
  try {
    switch (`${noun} ${verb ?? ""}`.trim()) {
      case "brand create": {
        const brand = await createBrand({
          slug: requireFlag(flags, "slug"),
          name: requireFlag(flags, "name"),
          timezone: typeof flags.timezone === "string" ? flags.timezone : "UTC",
          actor: cliActor,
        });
        process.stdout.write(`Created brand ${brand.slug} (id ${brand.id})\n`);
        return;
      }
      case "user create": {
        const user = await createUser({
          email: requireFlag(flags, "email"),
          password: requireFlag(flags, "password"),
          name: typeof flags.name === "string" ? flags.name : undefined,
          actor: cliActor,
        });
        process.stdout.write(`Created user ${user.email} (id ${user.id})\n`);
        return;
      }
      case "member add": {
        const role = requireFlag(flags, "role");
        if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
        const user = await requireUserByEmail({ email: requireFlag(flags, "email") });
        const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
        await addMember({ actor: operator, brandId: brand.id, email: user.email, role: role as Role });
        process.stdout.write(`${user.email} is ${role} of ${brand.slug}\n`);
        return;
      }
      case "token create": {
        const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
        const scopes = typeof flags.scopes === "string" ? (flags.scopes.split(",").map((s) => s.trim()) as Scope[]) : undefined;
        const { audit } = authorize({ actor: operator, brandId: brand.id, needs: "admin" });
        const actsAs = typeof flags.as === "string" ? flags.as : undefined;
        const token = await createToken({ brandId: brand.id, name: requireFlag(flags, "name"), scopes, actsAs, actor: audit });
        process.stderr.write(`Token for ${brand.slug}; it is shown only once:\n`);
        process.stdout.write(`${token}\n`);
        return;
      }
      case "token revoke": {
        const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
        const { audit } = authorize({ actor: operator, brandId: brand.id, needs: "admin" });
        await revokeToken({ brandId: brand.id, name: requireFlag(flags, "name"), actor: audit });
        process.stdout.write(`Revoked token ${flags.name}\n`);
        return;
      }
      case "channel create": {
        const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
        let config: unknown = {};
        if (typeof flags.config === "string") {
          try {
            config = JSON.parse(flags.config);
          } catch {
            throw new UsageError("--config must be a JSON object");
          }
        }
        const accountId = typeof flags["account-id"] === "string" ? flags["account-id"] : undefined;
        const channel = await createConfiguredChannel({ actor: operator, brandId: brand.id, kind: requireFlag(flags, "kind"), name: requireFlag(flags, "name"), accountId, config });
        process.stderr.write(`${connectHint({ kind: channel.kind, channelId: channel.id, publicKey: channel.publicKey })}\n`);
        process.stdout.write(`${channel.id}\n`);
        return;
      }
      case "channel list": {
        const brand = await requireBrandBySlug({ slug: requireFlag(flags, "brand") });
        process.stdout.write(`${JSON.stringify(await listChannelConfigs({ actor: operator, brandId: brand.id }), null, 2)}\n`);
        return;
      }
      default:
        if (await runPrivacyCommand(`${noun} ${verb ?? ""}`.trim(), flags)) return;
        if (noun === "backup" && verb) {
          const { pages } = await backupDatabase({ file: verb });
          process.stdout.write(`Backed up to ${verb} (${pages} pages)\n`);
          return;
        }
        throw new UsageError(USAGE);
    }
  } finally {
    closeDatabase();
  }
}

void runCli(main);
