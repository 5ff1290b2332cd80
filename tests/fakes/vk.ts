import { type Fault, type FakeResponse, type RecordedRequest, genericFault, startFake } from "./server";

export type VkPost = { method: string; params: Record<string, string>; id: number; duplicate: boolean };

const vkError = (code: number, message: string, req: RecordedRequest): FakeResponse => ({
  status: 200,
  body: { error: { error_code: code, error_msg: message, request_params: [{ key: "method", value: req.path.slice(1) }] } },
});

/**
 * VK API: POST /method/<name> with form parameters; errors are HTTP 200 with `{ error }`.
 * Like VK, a repeated random_id (messages) or guid (comments) returns the first id, posting nothing.
 * wall.getById reads the posts of `wall`, keyed `{owner_id}_{post_id}`.
 */
export async function startFakeVk({ accessToken = "vk-token" }: { accessToken?: string } = {}) {
  const posts: VkPost[] = [];
  const wall = new Map<string, string>();
  const byKey = new Map<string, number>();
  let seq = 70;
  const handle = (req: RecordedRequest): FakeResponse => {
    const params = Object.fromEntries((req.form ?? req.query).entries());
    if (params.access_token !== accessToken) return vkError(5, "User authorization failed: invalid access_token (4).", req);
    if (!params.v) return vkError(8, "Invalid request: v (version) is required", req);
    const method = req.path.slice(1);
    if (method === "wall.getById") {
      const items = (params.posts ?? "").split(",").flatMap((key) => {
        const text = wall.get(key);
        const [owner, id] = key.split("_").map(Number);
        return text === undefined ? [] : [{ id, owner_id: owner, from_id: owner, date: 1714557600, post_type: "post", text, attachments: [] }];
      });
      return { status: 200, body: { response: { items } } };
    }
    const isMessage = method === "messages.send";
    const known = isMessage || ["wall.createComment", "photos.createComment", "video.createComment", "board.createComment"].includes(method);
    if (!known) return vkError(3, "Unknown method passed", req);
    if (!params.message) return vkError(100, "One of the parameters specified was missing or invalid: message is undefined", req);
    const key = isMessage ? `${params.peer_id}:${params.random_id}` : params.guid ? `${method}:${params.guid}` : undefined;
    const previous = key ? byKey.get(key) : undefined;
    const id = previous ?? ++seq;
    if (key && previous === undefined) byKey.set(key, id);
    posts.push({ method, params, id, duplicate: previous !== undefined });
    if (isMessage || method !== "wall.createComment") return { status: 200, body: { response: id } };
    return { status: 200, body: { response: { comment_id: id, parents_stack: [] } } };
  };
  const renderFault = (fault: Fault, req: RecordedRequest): FakeResponse => {
    const generic = genericFault(fault);
    if (generic) return generic;
    if (fault.kind === "rate_limit") return vkError(6, "Too many requests per second", req);
    if (fault.kind === "flood") return vkError(9, "Flood control", req);
    return { status: 500, body: "<html><body>500 Internal Server Error</body></html>" };
  };
  const server = await startFake({ handle, renderFault, basePath: "/method" });
  /** Posts that reached the wall or dialogue: repeats with a known key are not counted. */
  const delivered = () => posts.filter((p) => !p.duplicate);
  return { ...server, posts, delivered, wall };
}
