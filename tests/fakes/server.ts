import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  json?: unknown;
  form?: URLSearchParams;
};

export type FaultKind = "server_error" | "status" | "rate_limit" | "hang" | "quota" | "access_tier" | "outside_window" | "flood";
/** Applies to the next `times` requests (default 1). `status` answers that raw HTTP status. */
export type Fault = { kind: FaultKind; times?: number; retryAfter?: number; status?: number };

export type FakeResponse = { status: number; headers?: Record<string, string>; body?: unknown } | "hang";
export type Handler = (req: RecordedRequest) => FakeResponse;

export type FakeServer = {
  url: string;
  requests: RecordedRequest[];
  fail: (fault: Fault) => void;
  close: () => Promise<void>;
};

/** A node:http server on 127.0.0.1 and a free port that records requests and injects faults. */
export async function startFake({ handle, renderFault, basePath = "", port: listenPort = 0 }: {
  handle: Handler;
  renderFault: (fault: Fault, req: RecordedRequest) => FakeResponse;
  basePath?: string;
  /** A fixed port, for a server started before the fake (the e2e server reads its base URL at start). */
  port?: number;
}): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const body = Buffer.concat(chunks).toString("utf8");
      const type = req.headers["content-type"] ?? "";
      const recorded: RecordedRequest = { method: req.method ?? "GET", path: url.pathname.slice(basePath.length) || "/", query: url.searchParams, headers: req.headers, body };
      if (type.includes("json")) {
        try {
          recorded.json = JSON.parse(body);
        } catch {
          recorded.json = undefined;
        }
      }
      if (type.includes("x-www-form-urlencoded")) recorded.form = new URLSearchParams(body);
      requests.push(recorded);
      const fault = faults[0];
      if (fault) {
        fault.times = (fault.times ?? 1) - 1;
        if (fault.times <= 0) faults.shift();
      }
      const out = fault ? renderFault(fault, recorded) : handle(recorded);
      if (out === "hang") return;
      const payload = typeof out.body === "string" ? out.body : JSON.stringify(out.body ?? {});
      const contentType = typeof out.body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
      res.writeHead(out.status, { "content-type": contentType, ...out.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    fail: (fault) => faults.push({ ...fault, times: fault.times ?? 1 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The generic faults every fake shares; platform-specific ones are rendered by each fake. */
export function genericFault(fault: Fault): FakeResponse | undefined {
  if (fault.kind === "hang") return "hang";
  if (fault.kind === "status") {
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
    return { status: fault.status ?? 500, headers, body: "fault" };
  }
  return undefined;
}

export function bearer(req: RecordedRequest): string | undefined {
  const value = req.headers.authorization;
  return typeof value === "string" && value.startsWith("Bearer ") ? value.slice(7) : undefined;
}
