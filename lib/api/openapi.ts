import { z } from "zod";
import { OPERATIONS, type Operation } from "./operations";
import * as s from "./schemas";

type JsonSchema = Record<string, unknown>;

// Named in components.schemas; anything else is inlined where it is used.
const REQUESTS = { Event: s.eventsBodySchema, ReplyBody: s.replyBodySchema, NoteBody: s.noteBodySchema, ConversationPatch: s.conversationPatchSchema, ClassificationBody: s.classificationBodySchema };
const RESPONSES = {
  Error: s.errorSchema,
  IngestResult: s.ingestResultSchema,
  Conversation: s.conversationSchema,
  ConversationList: s.conversationListSchema,
  Message: s.messageSchema,
  Cycle: s.cycleSchema,
  ConversationDetail: s.conversationDetailSchema,
  Reply: s.replySchema,
  Note: s.noteSchema,
  Classification: s.classificationSchema,
};

const uri = (id: string) => `#/components/schemas/${id}`;

function components(named: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri, unrepresentable: "any" }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas;
}

function ref(schema: z.ZodType, named: Record<string, z.ZodType>, io: "input" | "output"): JsonSchema {
  const id = Object.keys(named).find((k) => named[k] === schema);
  if (id) return { $ref: uri(id) };
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  return json;
}

const STATUS_TEXT: Record<number, string> = {
  304: "Not modified: the ETag in If-None-Match still matches",
  400: "Invalid input; fields names what is wrong",
  401: "No token, or an unknown or revoked one",
  403: "The token lacks the scope, or its member lacks the role",
  404: "No such object in the token's brand",
  409: "The change conflicts with the object's state",
  413: "The body is too large",
  415: "The body is not application/json",
  422: "The Idempotency-Key was used for a different request",
  429: "Too many requests for this token; see Retry-After",
};

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^\\d{1,15}$" } };

function operation(operationId: string, op: Operation): JsonSchema {
  const parameters: JsonSchema[] = [];
  if (op.path.includes("{id}")) parameters.push(idParameter);
  if (op.query) {
    const query = ref(op.query, {}, "input") as { properties: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties)) parameters.push({ name, in: "query", required: !!query.required?.includes(name), schema });
  }
  if (op.idempotency)
    parameters.push({ name: "Idempotency-Key", in: "header", required: op.idempotency === "required", schema: ref(s.idempotencyKeySchema, {}, "input"), description: s.idempotencyKeySchema.description });
  if (op.etag) parameters.push({ name: "If-None-Match", in: "header", required: false, schema: { type: "string" }, description: "An ETag from an earlier answer: 304 while nothing changed." });
  const error = { description: "", content: { "application/json": { schema: { $ref: uri("Error") } } } };
  const responses: Record<string, JsonSchema> = {
    [op.success.status]: {
      description: op.success.description,
      ...(op.etag ? { headers: { ETag: { schema: { type: "string" } } } } : {}),
      ...(op.idempotency ? { headers: { "Idempotent-Replayed": { description: "true when this is the stored first answer", schema: { type: "string" } } } } : {}),
      content: { "application/json": { schema: ref(op.success.schema, RESPONSES, "output") } },
    },
  };
  if (op.etag) responses[304] = { description: STATUS_TEXT[304] };
  for (const status of op.errors) responses[status] = { ...error, description: STATUS_TEXT[status] };
  return {
    operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.scope],
    security: [{ token: [] }],
    "x-scope": op.scope,
    ...(op.role ? { "x-role": op.role } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body, REQUESTS, "input") } } } } : {}),
    responses,
  };
}

let cached: JsonSchema | null = null;

// Built from the operations and their zod schemas; the same for every caller, so built once.
export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [operationId, op] of Object.entries(OPERATIONS) as [string, Operation][]) {
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = operation(operationId, op);
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Replyhour API",
      version: "1",
      description:
        "Post events, read conversations and, with a write token, act as a named member of the brand. Send the token as 'Authorization: Bearer <token>'. Errors are { error: { code, message, fields? } }.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: { token: { type: "http", scheme: "bearer", description: "A token from `npm run admin -- token create`; its scopes: ingest, read, write." } },
      schemas: { ...components(REQUESTS, "input"), ...components(RESPONSES, "output") },
    },
    paths,
  };
  return cached;
}
