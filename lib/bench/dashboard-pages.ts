import crypto from "node:crypto";
import type { Db } from "@/db/client";
import { cliActor } from "@/lib/audit/record";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { createUser, setMembership } from "@/lib/team/users";
import type { BenchWorkspace } from "./fill";
import { signInCookie } from "./server";
import { latency } from "./stats";

export type DashboardPagesFigures = {
  concurrency: number;
  pagesPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  pages: number;
  seconds: number;
  brand: string;
};

/** The brand with the most traffic: its dashboard is the heaviest page. */
export const biggestDemoBrand = () => DEMO_BRANDS.reduce((a, b) => (b.share > a.share ? b : a));

/**
 * `concurrency` different managers, each signed in with their own session, load the whole
 * dashboard HTML of the biggest brand (default range) in a loop for `seconds`: pages a second
 * across all of them, and the latency of each page.
 */
export async function benchDashboardPages({ url, db, workspace, concurrency = 16, seconds = 20 }: { url: string; db: Db; workspace: BenchWorkspace; concurrency?: number; seconds?: number }): Promise<DashboardPagesFigures> {
  const brand = biggestDemoBrand();
  const brandId = workspace.brandIds.get(brand.slug)!;
  const cookies: string[] = [];
  for (let i = 0; i < concurrency; i++) {
    const email = `bench-manager-${i}-${crypto.randomBytes(3).toString("hex")}@example.test`;
    const password = `Bench-${crypto.randomBytes(9).toString("base64url")}-42`;
    const user = await createUser({ db, email, password, name: `Bench manager ${i + 1}`, actor: cliActor });
    await setMembership({ db, userId: user.id, brandId, role: "manager", actor: cliActor });
    cookies.push(await signInCookie({ url, email, password }));
  }
  const page = `${url}/dashboard?brand=${encodeURIComponent(brand.slug)}`;
  const load = async (cookie: string) => {
    const response = await fetch(page, { headers: { cookie }, redirect: "manual" });
    const html = await response.text();
    // A manager's page carries the range filters; a redirect or an agent's page would not.
    if (response.status !== 200 || !html.includes('name="from"')) throw new Error(`GET ${page} answered ${response.status} without the manager's dashboard`);
  };
  await Promise.all(cookies.map(load));
  const samples: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    cookies.map(async (cookie) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await load(cookie);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const { p50Ms, p95Ms } = latency(samples);
  return { concurrency, pagesPerSecond: Math.round((samples.length / elapsed) * 10) / 10, p50Ms, p95Ms, pages: samples.length, seconds: Math.round(elapsed * 10) / 10, brand: brand.slug };
}
