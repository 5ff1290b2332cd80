import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { scanRoutes } from "../security/authz/scan";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

// The app's /api route handlers behind a real HTTP listener, so clients (the generated one too)
// speak HTTP to them as they would to the server.
export async function serveApi(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const routes = await Promise.all(
    scanRoutes()
      .filter((r) => r.path.startsWith("/api/v1/"))
      .map(async (r) => {
        const names: string[] = [];
        const pattern = new RegExp(`^${r.path.replace(/\[(\w+)\]/g, (_, name: string) => (names.push(name), "([^/]+)")).replace(/\./g, "\\.")}$`);
        const handlers = (await import(path.resolve(r.file))) as Record<string, Handler>;
        return { method: r.method, pattern, names, handler: handlers[r.method] };
      }),
  );
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const match = route.pattern.exec(url.pathname)!;
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = chunks.length && req.method !== "GET" ? Buffer.concat(chunks) : undefined;
    const response = await route.handler(new Request(url, { method: req.method, headers, body }), { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
