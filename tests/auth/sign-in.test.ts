import { describe, expect, it } from "vitest";
import { checkSignIn, SIGN_IN_LIMIT } from "@/lib/auth/sign-in";
import { hashPassword, passwordProblem, verifyPassword, generatePassword } from "@/lib/auth/password";
import { setUserDisabled } from "@/lib/team/users";
import { cliActor } from "@/lib/audit/record";
import { makeBrand, makeMember, testDb } from "../helpers/db";

describe("passwords", () => {
  it("hashes with scrypt and verifies only the right password", async () => {
    const hash = await hashPassword("correct-horse-42");
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect(hash).not.toContain("correct-horse");
    await expect(verifyPassword({ password: "correct-horse-42", hash })).resolves.toBe(true);
    await expect(verifyPassword({ password: "correct-horse-43", hash })).resolves.toBe(false);
  });

  it("rejects weak passwords and generates strong ones", () => {
    expect(passwordProblem("short1")).toBe("short");
    expect(passwordProblem("onlyletterslong")).toBe("mix");
    expect(passwordProblem("1111111111111")).toBe("repeated");
    expect(passwordProblem(`a1${"x".repeat(199)}`)).toBe("long");
    expect(passwordProblem(generatePassword())).toBeNull();
  });
});

describe("sign-in", () => {
  it("accepts the right password, case-insensitive e-mail", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const user = await makeMember({ db, brandId: brand.id, role: "agent" });
    const result = await checkSignIn({ db, email: user.email.toUpperCase(), password: user.password, address: "1.2.3.4" });
    expect(result).toEqual({ ok: true, userId: user.id });
  });

  it("limits failed sign-ins per account, even with the right password afterwards", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const user = await makeMember({ db, brandId: brand.id, role: "agent" });
    for (let i = 0; i < SIGN_IN_LIMIT; i++) {
      const r = await checkSignIn({ db, email: user.email, password: "wrong-password-1", address: `10.0.0.${i}` });
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const limited = await checkSignIn({ db, email: user.email, password: user.password, address: "10.0.1.1" });
    expect(limited).toEqual({ ok: false, reason: "limited" });
    const later = await checkSignIn({ db, email: user.email, password: user.password, address: "10.0.1.1", now: new Date(Date.now() + 16 * 60_000) });
    expect(later.ok).toBe(true);
  });

  it("limits failed sign-ins per address across accounts", async () => {
    const { db } = testDb();
    for (let i = 0; i < SIGN_IN_LIMIT; i++) await checkSignIn({ db, email: `nobody${i}@x.test`, password: "x", address: "6.6.6.6" });
    const brand = await makeBrand({ db });
    const user = await makeMember({ db, brandId: brand.id, role: "admin" });
    expect(await checkSignIn({ db, email: user.email, password: user.password, address: "6.6.6.6" })).toEqual({ ok: false, reason: "limited" });
  });

  it("refuses a deactivated user", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const user = await makeMember({ db, brandId: brand.id, role: "agent" });
    await setUserDisabled({ db, userId: user.id, disabled: true, brandId: brand.id, actor: cliActor });
    expect(await checkSignIn({ db, email: user.email, password: user.password, address: "1.1.1.1" })).toEqual({ ok: false, reason: "disabled" });
  });
});
