import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";

// Every request to a URL a user or operator configures (webhooks, platform APIs, SMTP) goes
// through here: the host is resolved once, loopback, private, link-local, metadata and other
// special ranges are refused unless OUTBOUND_ALLOW_HOSTS allows them, and the connection is
// pinned to the checked address so a second DNS answer cannot point it elsewhere.

const REFUSED_V4 = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const;
const REFUSED_V6 = [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23], ["2001:db8::", 32], ["2002::", 16],
  ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const;

const refused = new net.BlockList();
for (const [address, prefix] of REFUSED_V4) refused.addSubnet(address, prefix, "ipv4");
for (const [address, prefix] of REFUSED_V6) refused.addSubnet(address, prefix, "ipv6");

export type OutboundCode = "refused" | "dns" | "timeout" | "network" | "tls" | "too_large";

const REASONS: Record<OutboundCode, string> = {
  refused: "The address is inside a private or reserved network; an operator can allow it with OUTBOUND_ALLOW_HOSTS",
  dns: "The host name does not resolve",
  timeout: "No answer in time",
  network: "Could not connect",
  tls: "The TLS connection failed",
  too_large: "The answer was too large",
};

/** A failed outgoing request with a short fixed reason: nothing from the other side is echoed. */
export class OutboundError extends Error {
  constructor(readonly code: OutboundCode) {
    super(REASONS[code]);
    this.name = "OutboundError";
  }
}

type Allowed = { hosts: Set<string>; addresses: net.BlockList };

function familyOf(address: string): "ipv4" | "ipv6" {
  return net.isIPv6(address) ? "ipv6" : "ipv4";
}

// OUTBOUND_ALLOW_HOSTS: comma-separated host names (matched exactly), addresses or CIDR ranges.
export function allowedOutbound(value = process.env.OUTBOUND_ALLOW_HOSTS ?? ""): Allowed {
  const allowed: Allowed = { hosts: new Set(), addresses: new net.BlockList() };
  for (const raw of value.split(",")) {
    const entry = raw.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
    if (!entry) continue;
    const [address, prefix] = entry.split("/");
    if (net.isIP(address)) {
      const family = familyOf(address);
      const bits = prefix === undefined ? (family === "ipv4" ? 32 : 128) : Number(prefix);
      if (Number.isInteger(bits) && bits >= 0 && bits <= (family === "ipv4" ? 32 : 128)) allowed.addresses.addSubnet(address, bits, family);
    } else {
      allowed.hosts.add(entry.replace(/\.$/, ""));
    }
  }
  return allowed;
}

// An IPv4 address written inside IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address.
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address) ?? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!mapped) return address;
  if (mapped.length === 2) return mapped[1];
  const hi = parseInt(mapped[1], 16);
  const lo = parseInt(mapped[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function isRefusedAddress(address: string, allowed = allowedOutbound()): boolean {
  const plain = unmapped(address);
  const family = familyOf(plain);
  if (allowed.addresses.check(plain, family)) return false;
  return refused.check(plain, family);
}

export type Pinned = { address: string; family: 4 | 6 };

/** Resolves a host and checks every address it has; the first one is the one to connect to. */
export async function resolveOutbound(hostname: string, allowed = allowedOutbound()): Promise<Pinned> {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  const byName = allowed.hosts.has(host);
  let addresses: { address: string; family: number }[];
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }];
  else {
    try {
      addresses = await dns.lookup(host, { all: true, verbatim: true });
    } catch {
      throw new OutboundError("dns");
    }
  }
  if (addresses.length === 0) throw new OutboundError("dns");
  // One refused address refuses the name: a resolver answering both must not get a second chance.
  if (!byName && addresses.some((a) => isRefusedAddress(a.address, allowed))) throw new OutboundError("refused");
  return { address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}

export type OutboundReply = { status: number; headers: Headers; text: string };

const MAX_BYTES = 1024 * 1024;

/**
 * One HTTP(S) request through the guard. Redirects are never followed (a 3xx comes back as is);
 * failures are OutboundError with a fixed reason; the body is read up to 1 MB.
 */
export async function guardedFetch({ url, method = "POST", headers = {}, body, timeoutMs }: { url: string; method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs: number }): Promise<OutboundReply> {
  const target = new URL(url);
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new OutboundError("refused");
  const pinned = await resolveOutbound(target.hostname);
  const client = target.protocol === "https:" ? https : http;
  return new Promise<OutboundReply>((resolve, reject) => {
    const request = client.request(
      target,
      {
        method,
        headers: { ...headers, ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}) },
        // The connection goes to the address that was checked, whatever DNS says now.
        lookup: ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
          if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
          else callback(null, pinned.address, pinned.family);
        }) as unknown as net.LookupFunction,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) {
            request.destroy(new OutboundError("too_large"));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => {
          const out = new Headers();
          for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(", ") : value);
          resolve({ status: response.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", (error) => reject(toOutboundError(error)));
      },
    );
    const timer = setTimeout(() => request.destroy(new OutboundError("timeout")), timeoutMs);
    request.on("timeout", () => request.destroy(new OutboundError("timeout")));
    request.on("error", (error) => reject(toOutboundError(error)));
    request.on("close", () => clearTimeout(timer));
    request.end(body);
  });
}

function toOutboundError(error: unknown): OutboundError {
  if (error instanceof OutboundError) return error;
  const code = (error as { code?: string }).code ?? "";
  if (/^ERR_TLS|CERT|SSL/.test(code)) return new OutboundError("tls");
  if (code === "ETIMEDOUT") return new OutboundError("timeout");
  return new OutboundError("network");
}

/** A check without DNS, for forms: an address literal or localhost that the guard would refuse. */
export function isRefusedHostLiteral(hostname: string, allowed = allowedOutbound()): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (allowed.hosts.has(host)) return false;
  if (host === "localhost" || host.endsWith(".localhost")) return isRefusedAddress("127.0.0.1", allowed);
  return net.isIP(host) ? isRefusedAddress(host, allowed) : false;
}
