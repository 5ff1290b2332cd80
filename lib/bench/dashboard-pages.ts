import crypto from "node:crypto";
import os from "node:os";
import type { Db } from "@/db/client";
import { cliActor } from "@/lib/audit/record";
import type { Role } from "@/db/schema";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { createUser, setMembership } from "@/lib/team/users";
import type { BenchWorkspace } from "./fill";
import { signInCookie } from "./server";
import { cpuTimes } from "./cpu";
import { latency } from "./stats";

/** The bench process's own CPU while it drove the pages: it shares the cores with the servers and the database. */
export type LoadGeneratorCpu = { userSeconds: number; systemSeconds: number; cores: number };

export type PagesFigures = {
  concurrency: number;
  pagesPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  pages: number;
  seconds: number;
  brand: string;
  /** How many app servers the users were spread across. */
  servers: number;
  loadGeneratorCpu: LoadGeneratorCpu;
  /** The whole machine's CPU while the pages ran, in cores: what servers, database and load generator used together, and what was left. */
  machineCpu: MachineCpu;
};

export type MachineCpu = { cores: number; busyCores: number; idleCores: number };

export type DashboardPagesFigures = PagesFigures;
export type InboxPagesFigures = PagesFigures;

/** The brand with the most traffic: its dashboard and its inbox are the heaviest pages. */
export const biggestDemoBrand = () => DEMO_BRANDS.reduce((a, b) => (b.share > a.share ? b : a));

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * `concurrency` different people of `role`, each signed in with their own session on one of
 * `urls` (the users are spread across the servers in turn), load the whole HTML of `path` of the
 * biggest brand in a loop for `seconds`: pages a second across all of them, the latency of each
 * page, and the CPU this process spent driving them. `marker` must be in every page (a redirect
 * to the sign-in page or another role's page would not have it).
 */
export async function benchPages({
  urls,
  db,
  workspace,
  role,
  path,
  marker,
  concurrency = 16,
  seconds = 20,
}: {
  urls: string[];
  db: Db;
  workspace: BenchWorkspace;
  role: Role;
  path: (slug: string) => string;
  marker: string;
  concurrency?: number;
  seconds?: number;
}): Promise<PagesFigures> {
  if (urls.length === 0) throw new Error("no server to load pages from");
  const brand = biggestDemoBrand();
  const brandId = workspace.brandIds.get(brand.slug)!;
  const people: { url: string; email: string; password: string }[] = [];
  for (let i = 0; i < concurrency; i++) {
    const email = `bench-${role}-${i}-${crypto.randomBytes(3).toString("hex")}@example.test`;
    const password = `Bench-${crypto.randomBytes(9).toString("base64url")}-42`;
    const user = await createUser({ db, email, password, name: `Bench ${role} ${i + 1}`, actor: cliActor });
    await setMembership({ db, userId: user.id, brandId, role, actor: cliActor });
    people.push({ url: urls[i % urls.length], email, password });
  }
  // Signed in all at once: each sign-in checks a password hash, slow on purpose.
  const users = await Promise.all(people.map(async ({ url, email, password }) => ({ page: url + path(brand.slug), cookie: await signInCookie({ url, email, password }) })));
  const load = async ({ page, cookie }: { page: string; cookie: string }) => {
    const response = await fetch(page, { headers: { cookie }, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200 || !html.includes(marker)) throw new Error(`GET ${page} answered ${response.status} without the ${role}'s page`);
  };
  // Every user once, so each server has compiled and cached what the page needs before the clock starts.
  await Promise.all(users.map(load));
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  const machine = cpuTimes();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    users.map(async (user) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await load(user);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const after = cpuTimes();
  const { p50Ms, p95Ms } = latency(samples);
  return {
    concurrency,
    pagesPerSecond: round(samples.length / elapsed, 1),
    p50Ms,
    p95Ms,
    pages: samples.length,
    seconds: round(elapsed, 1),
    brand: brand.slug,
    servers: urls.length,
    loadGeneratorCpu: { userSeconds: round(used.user / 1e6, 2), systemSeconds: round(used.system / 1e6, 2), cores: round((used.user + used.system) / 1e6 / elapsed, 2) },
    machineCpu: { cores: os.cpus().length, busyCores: round((after.busy - machine.busy) / 1000 / elapsed, 2), idleCores: round((after.idle - machine.idle) / 1000 / elapsed, 2) },
  };
}

/** 16 managers on the biggest brand's whole dashboard (default range). */
export function benchDashboardPages(options: { urls: string[]; db: Db; workspace: BenchWorkspace; concurrency?: number; seconds?: number }): Promise<DashboardPagesFigures> {
  // A manager's page carries the range filters.
  return benchPages({ ...options, role: "manager", path: (slug) => `/dashboard?brand=${encodeURIComponent(slug)}`, marker: 'name="from"' });
}

/** 16 agents on the biggest brand's inbox, the Waiting view (the inbox's first view). */
export function benchInboxPages(options: { urls: string[]; db: Db; workspace: BenchWorkspace; concurrency?: number; seconds?: number }): Promise<InboxPagesFigures> {
  return benchPages({ ...options, role: "agent", path: (slug) => `/inbox?brand=${encodeURIComponent(slug)}&view=waiting`, marker: 'data-testid="inbox-views-menu"' });
}
