import { describe, expect, it } from "vitest";
import { checkSignIn, PAIR_FREE_FAILURES, SIGN_IN_LIMIT, signInWait } from "@/lib/auth/sign-in";
import { clientAddress, PEER_HEADER, trustedProxies } from "@/lib/security/client-address";
import { makeBrand, makeMember, testDb } from "../helpers/db";

describe("sign-in brute force", () => {
  it("limits one account whatever address the attempts claim to come from", async () => {
    const { db } = testDb();
    const user = await makeMember({ db, brandId: (await makeBrand({ db })).id, role: "admin" });
    for (let i = 0; i < SIGN_IN_LIMIT * 3; i++) await checkSignIn({ db, email: i % 2 ? user.email : user.email.toUpperCase(), password: `guess-${i}`, address: `203.0.113.${i}` });
    expect(await checkSignIn({ db, email: ` ${user.email} `, password: user.password, address: "198.51.100.1" })).toEqual({ ok: false, reason: "limited" });
    // Limited attempts are not recorded as fresh failures, so the lock ends with the window.
    expect(await checkSignIn({ db, email: user.email, password: user.password, address: "198.51.100.1", now: new Date(Date.now() + 16 * 60_000) })).toMatchObject({ ok: true });
  });

  it("limits one address spraying many accounts", async () => {
    const { db } = testDb();
    const user = await makeMember({ db, brandId: (await makeBrand({ db })).id, role: "agent" });
    for (let i = 0; i < SIGN_IN_LIMIT; i++) await checkSignIn({ db, email: `spray${i}@x.test`, password: "Winter2026!", address: "192.0.2.9" });
    expect(await checkSignIn({ db, email: user.email, password: user.password, address: "192.0.2.9" })).toEqual({ ok: false, reason: "limited" });
    expect((await checkSignIn({ db, email: user.email, password: user.password, address: "192.0.2.10" })).ok).toBe(true);
  });
});

// Finding 6 of the security review: ten wrong tries locked the real owner out for 15 minutes, and
// the per-address limit believed any X-Forwarded-For.
describe("sign-in backoff that does not lock the owner out", () => {
  it("lets the owner in from a familiar address while the account is attacked from elsewhere", async () => {
    const { db } = testDb();
    const user = await makeMember({ db, brandId: (await makeBrand({ db })).id, role: "agent" });
    expect((await checkSignIn({ db, email: user.email, password: user.password, address: "198.51.100.20" })).ok).toBe(true);
    for (let i = 0; i < SIGN_IN_LIMIT * 3; i++) await checkSignIn({ db, email: user.email, password: `guess-${i}`, address: `203.0.113.${i}` });
    expect((await checkSignIn({ db, email: user.email, password: user.password, address: "198.51.100.20" })).ok).toBe(true);
    // An address that never signed in to the account waits.
    expect(await checkSignIn({ db, email: user.email, password: user.password, address: "198.51.100.21" })).toEqual({ ok: false, reason: "limited" });
  });

  it("makes one address wait longer with every failure on one account, and forgets after a success", async () => {
    const { db } = testDb();
    const user = await makeMember({ db, brandId: (await makeBrand({ db })).id, role: "agent" });
    const address = "192.0.2.30";
    let now = Date.now();
    const waits: number[] = [];
    for (let i = 0; i < PAIR_FREE_FAILURES + 4; i++) {
      now += (await signInWait({ db, email: user.email, address, now: new Date(now) })) + 1;
      expect(await checkSignIn({ db, email: user.email, password: `wrong-${i}`, address, now: new Date(now) })).toEqual({ ok: false, reason: "invalid" });
      waits.push(await signInWait({ db, email: user.email, address, now: new Date(now) }));
    }
    expect(waits.slice(0, PAIR_FREE_FAILURES - 1)).toEqual([0, 0]);
    expect(waits.slice(PAIR_FREE_FAILURES - 1)).toEqual([1000, 2000, 4000, 8000, 16000]);
    // Within the wait even the right password is refused (and not counted); after it, it opens.
    expect(await checkSignIn({ db, email: user.email, password: user.password, address, now: new Date(now + 1000) })).toEqual({ ok: false, reason: "limited" });
    expect((await checkSignIn({ db, email: user.email, password: user.password, address, now: new Date(now + 16_001) })).ok).toBe(true);
    expect(await signInWait({ db, email: user.email, address, now: new Date(now + 16_002) })).toBe(0);
  });

  it("believes X-Forwarded-For only from TRUSTED_PROXIES", () => {
    const headers = (peer: string, forwarded?: string) => new Headers({ [PEER_HEADER]: peer, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });
    const trusted = trustedProxies("10.0.0.0/8, ::1");
    expect(clientAddress(headers("203.0.113.9", "1.2.3.4"), trusted, true)).toBe("203.0.113.9");
    expect(clientAddress(headers("10.1.2.3", "198.51.100.4"), trusted, true)).toBe("198.51.100.4");
    // A client's own forged entry sits left of what the trusted proxies appended.
    expect(clientAddress(headers("10.1.2.3", "6.6.6.6, 198.51.100.4, 10.9.9.9"), trusted, true)).toBe("198.51.100.4");
    expect(clientAddress(headers("::1"), trusted, true)).toBe("::1");
    expect(clientAddress(headers("::ffff:203.0.113.9", "1.2.3.4"), trusted, true)).toBe("203.0.113.9");
    // The peer header counts only when this process records it (else a client could send it).
    expect(clientAddress(headers("10.1.2.3", "198.51.100.4"), trustedProxies(""), false)).toBe("198.51.100.4");
  });
});
