import { type Fault, type FakeResponse, type RecordedRequest, genericFault, startFake } from "./server";

export type MetaPost = { target: string; edge: "comments" | "replies" | "messages"; id: string; body: unknown };

const graphError = (status: number, error: Record<string, unknown>): FakeResponse => ({
  status,
  body: { error: { type: "OAuthException", fbtrace_id: "AbCdEfGhIjK", ...error } },
});

/**
 * Graph API: POST /{comment-id}/comments, /{ig-comment-id}/replies, /{page-or-ig-id}/messages;
 * GET /{post-id}?fields=message and /{media-id}?fields=caption for the posts in `nodes`.
 */
export async function startFakeMeta({ accessToken = "page-token", port }: { accessToken?: string; port?: number } = {}) {
  const posted: MetaPost[] = [];
  const nodes = new Map<string, { message?: string; caption?: string }>();
  const hidden: string[] = [];
  let seq = 1000;
  const handle = (req: RecordedRequest): FakeResponse => {
    const token = req.query.get("access_token") ?? (req.form?.get("access_token") ?? undefined);
    if (token !== accessToken) return graphError(400, { message: "Invalid OAuth access token - Cannot parse access token", code: 190 });
    // Moderation: POST /{comment-id} with is_hidden (Facebook) or hide (Instagram).
    const node = /^\/([^/]+)$/.exec(req.path);
    if (req.method === "GET" && node) {
      const found = nodes.get(decodeURIComponent(node[1]));
      if (!found) return graphError(400, { message: `Unsupported get request. Object with ID '${node[1]}' does not exist`, code: 100, error_subcode: 33 });
      const fields = (req.query.get("fields") ?? "").split(",").filter(Boolean);
      return { status: 200, body: Object.fromEntries([["id", node[1]], ...fields.flatMap((f) => (f in found ? [[f, found[f as keyof typeof found]]] : []))]) };
    }
    if (req.method === "POST" && node) {
      const fields = (req.json ?? Object.fromEntries(req.form ?? [])) as { is_hidden?: unknown; hide?: unknown };
      const value = fields.is_hidden ?? fields.hide;
      if (value !== true && value !== "true") return graphError(400, { message: "(#100) Param is_hidden must be a boolean", code: 100 });
      hidden.push(node[1]);
      return { status: 200, body: { success: true } };
    }
    const match = /^\/([^/]+)\/(comments|replies|messages)$/.exec(req.path);
    if (req.method !== "POST" || !match) {
      return graphError(400, { message: "Unsupported post request.", code: 100, error_subcode: 33 });
    }
    const [, target, edge] = match;
    const body = (req.json ?? {}) as { message?: unknown; recipient?: { id?: unknown } };
    if (edge === "messages") {
      const recipient = body.recipient?.id;
      if (typeof recipient !== "string") return graphError(400, { message: "(#100) The parameter recipient is required", code: 100 });
      const id = `m_${++seq}`;
      posted.push({ target, edge, id, body: req.json });
      return { status: 200, body: { recipient_id: recipient, message_id: id } };
    }
    if (typeof body.message !== "string" || !body.message) return graphError(400, { message: "(#100) Missing message", code: 100 });
    const id = edge === "comments" ? `${target.split("_")[0]}_${++seq}` : String(++seq);
    posted.push({ target, edge: edge as MetaPost["edge"], id, body: req.json });
    return { status: 200, body: { id } };
  };
  const renderFault = (fault: Fault): FakeResponse => {
    const generic = genericFault(fault);
    if (generic) return generic;
    if (fault.kind === "outside_window") {
      return graphError(400, { message: "(#10) This message is sent outside of allowed window.", code: 10, error_subcode: 2018278 });
    }
    if (fault.kind === "rate_limit") return graphError(400, { message: "(#613) Calls to this api have exceeded the rate limit.", code: 613 });
    return graphError(500, { message: "An unexpected error has occurred. Please retry your request later.", code: 2, is_transient: true });
  };
  const server = await startFake({ handle, renderFault, port });
  return { ...server, posted, hidden, nodes };
}
