import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { apiTokens, memberships, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { loadSessionUser, type SessionUser } from "./access";

export type Scope = "ingest" | "read" | "write";
export const SCOPES: Scope[] = ["ingest", "read", "write"];
// `write` acts for a person, so it is never given unless asked for.
export const DEFAULT_SCOPES: Scope[] = ["ingest", "read"];

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// Only the hash is stored; the token itself is shown once. A write token acts as a member of
// the brand (`actsAs`, an e-mail), and only a write token names one.
export async function createToken({
  db = database(),
  brandId,
  name,
  scopes = DEFAULT_SCOPES,
  actsAs,
  actor,
}: {
  db?: Db;
  brandId: number;
  name: string;
  scopes?: Scope[];
  actsAs?: string;
  actor: Actor;
}): Promise<string> {
  if (!name.trim()) throw new AppError("bad_request:name", "A token needs a name.");
  const bad = scopes.filter((s) => !SCOPES.includes(s));
  if (bad.length || scopes.length === 0) throw new AppError("bad_request:scopes", `Scopes are ingest, read and/or write, not: ${bad.join(",") || "none"}`);
  const writes = scopes.includes("write");
  if (writes && !actsAs) throw new AppError("bad_request:as", "A write token acts as a member: name them with --as EMAIL.");
  if (!writes && actsAs) throw new AppError("bad_request:as", "Only a write token acts as a member; add write to --scopes.");
  const token = "rh_" + crypto.randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.brandId, brandId), eq(apiTokens.name, name), isNull(apiTokens.revokedAt)));
    if (clash) throw new AppError("conflict:token", `An active token named "${name}" already exists.`);
    const actsAsUserId = actsAs ? await requireActiveMember(tx, brandId, actsAs) : null;
    const [row] = await tx.insert(apiTokens).values({ brandId, name, tokenHash: hashToken(token), scopes, actsAsUserId }).returning({ id: apiTokens.id });
    await recordAudit(tx, { actor, brandId, action: "token.create", objectType: "api_token", objectId: row.id, after: { name, scopes, ...(actsAs ? { actsAs: actsAs.toLowerCase() } : {}) } });
  });
  return token;
}

async function requireActiveMember(db: Db, brandId: number, email: string): Promise<number> {
  const [member] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.brandId, brandId)))
    .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.disabled, false)))
    .limit(1);
  if (!member) throw new AppError("bad_request:as", `${email} is not an active member of this brand.`);
  return member.id;
}

export async function revokeToken({ db = database(), brandId, name, actor }: { db?: Db; brandId: number; name: string; actor: Actor }): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.brandId, brandId), eq(apiTokens.name, name), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (rows.length === 0) throw new AppError("not_found:token", `No active token named "${name}".`);
    await recordAudit(tx, { actor, brandId, action: "token.revoke", objectType: "api_token", objectId: rows[0].id });
  });
}

// `member` is the person a write token acts as, loaded afresh for every call so a changed role or
// a removed membership counts at once (null when the token names nobody or they were disabled).
export type TokenPrincipal = { tokenId: number; brandId: number; name: string; scopes: Scope[]; member?: SessionUser | null };

export async function authenticateBearer({ db = database(), header }: { db?: Db; header: string | null }): Promise<TokenPrincipal> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw new AppError("unauthorized:token", "Send an API token as 'Authorization: Bearer <token>'.");
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(match[1])));
  if (!row || row.revokedAt) throw new AppError("unauthorized:token", "Unknown or revoked API token.");
  const now = Date.now();
  // Throttle the last-used write: once a minute is precise enough and keeps ingest writes lean.
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000)
    await db.transaction((tx) => tx.update(apiTokens).set({ lastUsedAt: new Date(now) }).where(and(eq(apiTokens.id, row.id), eq(apiTokens.brandId, row.brandId))));
  const member = row.actsAsUserId != null && row.scopes.includes("write") ? await loadSessionUser({ db, userId: row.actsAsUserId }) : null;
  return { tokenId: row.id, brandId: row.brandId, name: row.name, scopes: row.scopes, member };
}

export function requireScope(principal: TokenPrincipal, scope: Scope): void {
  if (!principal.scopes.includes(scope)) throw new AppError("forbidden:scope", `This token lacks the '${scope}' scope.`);
}
