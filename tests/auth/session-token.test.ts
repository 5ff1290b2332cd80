import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSessionToken } from "@/lib/auth/session";
import { endSession, startSession } from "@/lib/auth/sessions";
import { resetSecretsCache } from "@/lib/security/secrets";
import { makeBrand, makeMember, testDb } from "../helpers/db";

const SECRET = "session-token-test-secret-0123456789abcdef";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

// The cookie as Auth.js writes it at sign-in: the JWT encrypted with the secret, salted with the cookie's name.
const cookieFor = async (name: string, token: Record<string, unknown>, secret = SECRET) => `${name}=${await encode({ token, secret, salt: name, maxAge: 3600 })}`;
const request = (headers: Record<string, string>) => new Headers({ "x-forwarded-proto": "http", ...headers });

describe("the session cookie of a request (readSessionToken)", () => {
  const saved = process.env.AUTH_SECRET;
  beforeEach(() => {
    process.env.AUTH_SECRET = SECRET;
    resetSecretsCache();
  });
  afterEach(() => {
    process.env.AUTH_SECRET = saved;
    resetSecretsCache();
  });

  async function signedIn() {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const user = await makeMember({ db, brandId: brand.id, role: "agent" });
    const sid = await startSession({ db, userId: user.id });
    return { db, user, sid, token: { uid: String(user.id), sid } };
  }

  it("finds the user and session of a live session's cookie, chunked or not", async () => {
    const { db, user, sid, token } = await signedIn();
    expect(await readSessionToken(request({ cookie: `theme=dark; ${await cookieFor(PLAIN, token)}` }), { db })).toEqual({ userId: user.id, sessionId: sid });
    // Auth.js splits a long cookie into name.0, name.1, …
    const value = (await cookieFor(PLAIN, token)).slice(PLAIN.length + 1);
    const chunked = `${PLAIN}.0=${value.slice(0, 100)}; ${PLAIN}.1=${value.slice(100)}`;
    expect(await readSessionToken(request({ cookie: chunked }), { db })).toEqual({ userId: user.id, sessionId: sid });
  });

  it("refuses an ended session, a token for another user, a tampered or foreign cookie, and no cookie", async () => {
    const { db, user, sid, token } = await signedIn();
    const other = await makeMember({ db, brandId: (await makeBrand({ db })).id, role: "manager" });
    expect(await readSessionToken(request({ cookie: await cookieFor(PLAIN, { uid: String(other.id), sid }) }), { db })).toBeNull();
    const good = await cookieFor(PLAIN, token);
    expect(await readSessionToken(request({ cookie: good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA") }), { db })).toBeNull();
    expect(await readSessionToken(request({ cookie: await cookieFor(PLAIN, token, "another-secret-0123456789abcdef0123456789") }), { db })).toBeNull();
    // Salted with the other cookie's name: not this cookie's token.
    expect(await readSessionToken(request({ cookie: `${PLAIN}=${(await cookieFor(SECURE, token)).slice(SECURE.length + 1)}` }), { db })).toBeNull();
    expect(await readSessionToken(request({ cookie: await cookieFor(PLAIN, { uid: String(user.id) }) }), { db })).toBeNull();
    expect(await readSessionToken(request({}), { db })).toBeNull();
    await endSession({ db, sessionId: sid });
    expect(await readSessionToken(request({ cookie: good }), { db })).toBeNull();
  });

  it("reads the cookie Auth.js would: __Secure- over https, the plain one over http, never a bearer token", async () => {
    const { db, user, sid, token } = await signedIn();
    const plain = await cookieFor(PLAIN, token);
    const secure = await cookieFor(SECURE, token);
    expect(await readSessionToken(new Headers({ "x-forwarded-proto": "https", cookie: secure }), { db })).toEqual({ userId: user.id, sessionId: sid });
    expect(await readSessionToken(new Headers({ "x-forwarded-proto": "https", cookie: plain }), { db })).toBeNull();
    expect(await readSessionToken(request({ cookie: secure }), { db })).toBeNull();
    // Unsaid protocol: https, as Auth.js assumes.
    expect(await readSessionToken(new Headers({ cookie: secure }), { db })).toEqual({ userId: user.id, sessionId: sid });
    expect(await readSessionToken(request({ cookie: "theme=dark", authorization: `Bearer ${plain.slice(PLAIN.length + 1)}` }), { db })).toBeNull();
  });
});
