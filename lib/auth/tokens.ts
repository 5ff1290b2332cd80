import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";

export type Scope = "ingest" | "read";
export const SCOPES: Scope[] = ["ingest", "read"];

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// Only the hash is stored; the token itself is shown once.
export async function createToken({ db = database(), brandId, name, scopes = SCOPES, actor }: { db?: Db; brandId: number; name: string; scopes?: Scope[]; actor: Actor }): Promise<string> {
  if (!name.trim()) throw new AppError("bad_request:name", "A token needs a name.");
  const bad = scopes.filter((s) => !SCOPES.includes(s));
  if (bad.length || scopes.length === 0) throw new AppError("bad_request:scopes", `Scopes are ingest and/or read, not: ${bad.join(",") || "none"}`);
  const token = "rh_" + crypto.randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.brandId, brandId), eq(apiTokens.name, name), isNull(apiTokens.revokedAt)));
    if (clash) throw new AppError("conflict:token", `An active token named "${name}" already exists.`);
    const [row] = await tx.insert(apiTokens).values({ brandId, name, tokenHash: hashToken(token), scopes }).returning({ id: apiTokens.id });
    await recordAudit(tx, { actor, brandId, action: "token.create", objectType: "api_token", objectId: row.id, after: { name, scopes } });
  });
  return token;
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

export type TokenPrincipal = { tokenId: number; brandId: number; name: string; scopes: Scope[] };

export async function authenticateBearer({ db = database(), header }: { db?: Db; header: string | null }): Promise<TokenPrincipal> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw new AppError("unauthorized:token", "Send an API token as 'Authorization: Bearer <token>'.");
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(match[1])));
  if (!row || row.revokedAt) throw new AppError("unauthorized:token", "Unknown or revoked API token.");
  const now = Date.now();
  // Throttle the last-used write: once a minute is precise enough and keeps ingest writes lean.
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000)
    await db.transaction((tx) => tx.update(apiTokens).set({ lastUsedAt: new Date(now) }).where(and(eq(apiTokens.id, row.id), eq(apiTokens.brandId, row.brandId))));
  return { tokenId: row.id, brandId: row.brandId, name: row.name, scopes: row.scopes };
}

export function requireScope(principal: TokenPrincipal, scope: Scope): void {
  if (!principal.scopes.includes(scope)) throw new AppError("forbidden:scope", `This token lacks the '${scope}' scope.`);
}
