import { describe, expect, it } from "vitest";
import { createDemoWorkspace } from "@/lib/seed/seed-demo";
import { demoSite } from "@/lib/widget/demo-site";
import { webConfigsOfBrand } from "@/lib/channels/web";
import { brandLiveFigure } from "@/lib/metrics/live";
import { testDb } from "../helpers/db";

describe("the demo's website", () => {
  it("gives the airline a public status page and a website chat that /demo/site embeds; the coffee brand a contact form", async () => {
    const { db } = testDb();
    const before = process.env.PORT;
    process.env.PORT = "3999";
    try {
      const { workspace } = await createDemoWorkspace({ db });
      const site = await demoSite({ db });
      expect(site).toMatchObject({ brand: "Skyway Airlines", slug: "skyway", publicStatus: true, origins: ["http://localhost:3999", "http://127.0.0.1:3999"] });
      expect(site!.publicKey).toMatch(/^wc_/);
      expect(await brandLiveFigure({ db, slug: "skyway" })).not.toBeNull();
      const coffee = await webConfigsOfBrand({ db, brandId: workspace.brandIds.get("beanhouse")! });
      expect([...coffee.values()].map((c) => c.mode)).toEqual(["form"]);
      process.env.DEMO = "0";
      expect(await demoSite({ db })).toBeNull();
    } finally {
      if (before === undefined) delete process.env.PORT;
      else process.env.PORT = before;
      delete process.env.DEMO;
    }
  }, 60_000);
});
