import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { openApiDocument } from "@/lib/api/openapi";
import { OPERATIONS, type Operation, type OperationId } from "@/lib/api/operations";
import { GET } from "@/app/api/v1/openapi.json/route";
import { apiTypes, TYPES_FILE } from "@/scripts/api-types";
import { scanRoutes } from "../security/authz/scan";

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; parameters?: { name: string; in: string; required: boolean }[] }>> };
const doc = openApiDocument() as unknown as Doc;
const ops = Object.entries(OPERATIONS) as [OperationId, Operation][];

// The document describes itself by its URL, not as an operation.
const SELF = "GET /api/v1/openapi.json";

// One valid request body per operation that takes one, and one the route must refuse.
const SAMPLES: Partial<Record<OperationId, { valid: unknown[]; invalid: unknown[] }>> = {
  postEvents: {
    valid: [{ externalId: "m1", text: "Hi", createdAt: "2026-05-01T10:00:00Z", author: { id: "c1" } }, { events: [{ externalId: "m2", text: "", createdAt: "2026-05-01T10:00:00+02:00", author: { id: "c1" } }] }],
    invalid: [{ externalId: "m1", text: "Hi", author: { id: "c1" } }, { events: [] }],
  },
  replyToConversation: {
    valid: [{ text: "Thanks, fixed.", visibility: "public" }, { text: "DM us", visibility: "private", automated: true }],
    invalid: [{ text: "x" }, { text: "", visibility: "public" }, { text: "x", visibility: "note" }, { text: "x", visibility: "public", extra: true }],
  },
  addNote: { valid: [{ text: "Looks like a refund case" }], invalid: [{}, { text: " " }] },
  updateConversation: {
    valid: [{ status: "resolved" }, { snoozeUntil: "2030-01-01T09:00:00Z" }, { assigneeId: null, priority: "high", labels: ["vip"] }, { assigneeId: "12" }],
    invalid: [{}, { status: "snoozed" }, { status: "open", snoozeUntil: "2030-01-01T09:00:00Z" }, { assigneeId: 12 }, { labels: Array.from({ length: 21 }, (_, i) => `l${i}`) }, { status: "closed" }],
  },
  classifyMessage: { valid: [{ category: "noise" }, { complaint: true, sentiment: "negative" }], invalid: [{}, { category: "spam" }, { complaint: "yes" }] },
};

const routePath = (path: string) => path.replace(/\{(\w+)\}/g, "[$1]");

describe("the OpenAPI document", () => {
  it("is served at GET /api/v1/openapi.json as OpenAPI 3.1 with an ETag", async () => {
    const response = await GET(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const served = (await response.json()) as Doc;
    expect(served.openapi).toBe("3.1.0");
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
    const again = await GET(new Request("http://localhost/api/v1/openapi.json", { headers: { "if-none-match": response.headers.get("etag")! } }));
    expect(again.status).toBe(304);
  });

  it("is a valid OpenAPI document (Redocly's structural rules)", async () => {
    const config = await createConfig({ extends: ["recommended"], rules: { "info-license": "off" } } as never);
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "openapi.json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it("names exactly the routes under app/api/v1, method by method", () => {
    const routes = scanRoutes()
      .filter((r) => r.path.startsWith("/api/v1/"))
      .map((r) => r.key)
      .filter((k) => k !== SELF);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${routePath(path)}`));
    expect(routes.sort()).toEqual(documented.sort());
  });

  it("is what each route validates with: every route file uses its operation", () => {
    for (const route of scanRoutes().filter((r) => r.path.startsWith("/api/v1/") && r.key !== SELF)) {
      const [id] = ops.find(([, op]) => op.method === route.method && routePath(op.path) === route.path) ?? [];
      expect(id, route.key).toBeDefined();
      const source = fs.readFileSync(route.file, "utf8");
      // postEvents validates through parseEventsBody, with the event schema the document's union is built from.
      if (id === "postEvents") expect(source).toMatch(/receiveEvents/);
      else expect(source, `${route.file} should use OPERATIONS.${id}`).toContain(`OPERATIONS.${id}`);
    }
  });

  it("documents scopes, roles, path parameters and the Idempotency-Key header", () => {
    for (const [id, op] of ops) {
      const documented = doc.paths[op.path][op.method.toLowerCase()];
      expect(documented.operationId).toBe(id);
      const params = documented.parameters ?? [];
      if (op.path.includes("{id}")) expect(params).toContainEqual(expect.objectContaining({ name: "id", in: "path", required: true }));
      if (op.scope === "write") expect(op.role, id).toBeDefined();
      if (op.idempotency) expect(params).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header", required: op.idempotency === "required" }));
      expect(!!documented.requestBody).toBe(!!op.body);
    }
    expect(OPERATIONS.replyToConversation.idempotency).toBe("required");
  });

  it("accepts the sample requests and refuses the bad ones, with the routes' own schemas", () => {
    for (const [id, op] of ops) {
      if (!op.body) continue;
      const samples = SAMPLES[id];
      expect(samples, `add samples for ${id}`).toBeDefined();
      for (const body of samples!.valid) expect(op.body.safeParse(body).success, `${id} ${JSON.stringify(body)}`).toBe(true);
      for (const body of samples!.invalid) expect(op.body.safeParse(body).success, `${id} ${JSON.stringify(body)}`).toBe(false);
    }
  });

  it("matches the committed client types (npm run api:types regenerates them)", async () => {
    expect(fs.readFileSync(TYPES_FILE, "utf8")).toBe(await apiTypes());
  });
});
