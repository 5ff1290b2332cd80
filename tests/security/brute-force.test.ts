import { describe, expect, it } from "vitest";
import { checkSignIn, SIGN_IN_LIMIT } from "@/lib/auth/sign-in";
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
