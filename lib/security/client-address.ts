import net from "node:net";

// The connecting peer's address, written into every request by recordPeerAddresses() (set up in
// instrumentation.ts): Next.js keeps a client's own X-Forwarded-For and drops the socket address.
export const PEER_HEADER = "x-replyhour-peer";
const RECORDING = Symbol.for("replyhour.peer-recording");

type Marked = typeof globalThis & { [RECORDING]?: boolean };

export async function recordPeerAddresses(): Promise<void> {
  const marked = globalThis as Marked;
  if (marked[RECORDING]) return;
  const http = await import("node:http");
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return (emit as (...all: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof emit;
  marked[RECORDING] = true;
}

// TRUSTED_PROXIES: comma-separated addresses or CIDR ranges of the reverse proxies in front.
export function trustedProxies(value = process.env.TRUSTED_PROXIES ?? ""): net.BlockList {
  const list = new net.BlockList();
  for (const raw of value.split(",")) {
    const [address, prefix] = raw.trim().replace(/^\[(.*)\]$/, "$1").split("/");
    if (!net.isIP(address)) continue;
    const family = net.isIPv6(address) ? "ipv6" : "ipv4";
    const bits = prefix === undefined ? (family === "ipv4" ? 32 : 128) : Number(prefix);
    if (Number.isInteger(bits) && bits >= 0 && bits <= (family === "ipv4" ? 32 : 128)) list.addSubnet(address, bits, family);
  }
  return list;
}

function plain(address: string): string {
  return address.trim().replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

function isTrusted(address: string, trusted: net.BlockList): boolean {
  const ip = plain(address);
  return net.isIP(ip) !== 0 && trusted.check(ip, net.isIPv6(ip) ? "ipv6" : "ipv4");
}

/**
 * Who is asking: the peer, unless the peer is a trusted proxy; then X-Forwarded-For is read from
 * the right, skipping trusted proxies, and the first other address is the client's.
 */
export function clientAddress(headers: Headers, trusted = trustedProxies(), recording = (globalThis as Marked)[RECORDING] === true): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map(plain).filter(Boolean);
  // Without the recorded peer (a process that did not set it up) the nearest hop stands in for it.
  const peer = recording ? plain(headers.get(PEER_HEADER) ?? "") : (forwarded.pop() ?? "");
  let client = peer || "unknown";
  while (isTrusted(client, trusted) && forwarded.length > 0) client = forwarded.pop()!;
  return client;
}
