import { describe, expect, inject, it } from "vitest";
import { httpSignIn } from "../security/http-session";

// Finding 11 of the security review, over HTTP: the CSV export of 0001–9999 held the server for seconds.
describe("bounded export ranges over HTTP", () => {
  it("refuses a dashboard CSV beyond the maximum span at once, with a clear error", async () => {
    const baseUrl = inject("baseUrl");
    const { cookie } = await httpSignIn({ baseUrl, email: inject("people").manager, password: inject("password") });
    expect(cookie).toBeTruthy();
    const started = Date.now();
    const response = await fetch(`${baseUrl}/dashboard/export?table=daily&brand=e2e-air&from=0001-01-01&to=9999-12-31`, { headers: { cookie: cookie! } });
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(body).toContain("at most 366 days");
    expect(Date.now() - started).toBeLessThan(1000);
    const year = await fetch(`${baseUrl}/dashboard/export?table=daily&brand=e2e-air&from=2026-01-01&to=2026-12-31`, { headers: { cookie: cookie! } });
    await year.text();
    expect(year.status).toBe(200);
  });
});
