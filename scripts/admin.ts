import { getDb, closeDb } from "@/db/client";
import { cliActor } from "@/lib/audit/record";
import { createBrand, requireBrandBySlug } from "@/lib/brands/brands";
import { createUser, requireUserByEmail, setMembership } from "@/lib/team/users";
import { createToken, revokeToken, type Scope } from "@/lib/auth/tokens";
import { backupDatabase } from "@/lib/ops/backup";
import { ROLES, type Role } from "@/db/schema";
import { parseArgs, requireFlag, runCli, UsageError } from "./lib/args";

const USAGE = `Usage: npm run --silent admin -- <command>
  brand create --slug S --name N [--timezone TZ]
  user create --email E --password P [--name N]
  member add --email E --brand S --role admin|manager|agent
  token create --brand S --name N [--scopes ingest,read]
  token revoke --brand S --name N
  backup FILE`;

async function main() {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  const [noun, verb] = positional;
  const db = getDb();
  try {
    switch (`${noun} ${verb ?? ""}`.trim()) {
      case "brand create": {
        const brand = createBrand({
          db,
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
          db,
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
        const user = requireUserByEmail({ db, email: requireFlag(flags, "email") });
        const brand = requireBrandBySlug({ db, slug: requireFlag(flags, "brand") });
        setMembership({ db, userId: user.id, brandId: brand.id, role: role as Role, actor: cliActor });
        process.stdout.write(`${user.email} is ${role} of ${brand.slug}\n`);
        return;
      }
      case "token create": {
        const brand = requireBrandBySlug({ db, slug: requireFlag(flags, "brand") });
        const scopes = typeof flags.scopes === "string" ? (flags.scopes.split(",").map((s) => s.trim()) as Scope[]) : undefined;
        const token = createToken({ db, brandId: brand.id, name: requireFlag(flags, "name"), scopes, actor: cliActor });
        process.stderr.write(`Token for ${brand.slug}; it is shown only once:\n`);
        process.stdout.write(`${token}\n`);
        return;
      }
      case "token revoke": {
        const brand = requireBrandBySlug({ db, slug: requireFlag(flags, "brand") });
        revokeToken({ db, brandId: brand.id, name: requireFlag(flags, "name"), actor: cliActor });
        process.stdout.write(`Revoked token ${flags.name}\n`);
        return;
      }
      default:
        if (noun === "backup" && verb) {
          const { pages } = await backupDatabase({ db, file: verb });
          process.stdout.write(`Backed up to ${verb} (${pages} pages)\n`);
          return;
        }
        throw new UsageError(USAGE);
    }
  } finally {
    closeDb();
  }
}

void runCli(main);
