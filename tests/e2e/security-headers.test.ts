import { describe, expect, inject, it } from "vitest";

// Finding 14 of the security review, over HTTP against the production build.
describe("security headers", () => {
  it("sends HSTS (honoured by browsers over HTTPS only), a Permissions-Policy and no framing", async () => {
    const response = await fetch(`${inject("baseUrl")}/login`);
    await response.arrayBuffer();
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    expect(response.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
