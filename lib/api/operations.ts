import type { z } from "zod";
import type { Role } from "@/db/schema";
import type { Scope } from "@/lib/auth/tokens";
import { conversationFilterSchema } from "./events";
import {
  classificationBodySchema,
  classificationSchema,
  conversationDetailSchema,
  conversationListSchema,
  conversationPatchSchema,
  conversationSchema,
  eventsBodySchema,
  ingestResultSchema,
  noteBodySchema,
  noteSchema,
  replyBodySchema,
  replySchema,
} from "./schemas";

// Every operation of /api/v1: the routes validate with these schemas and the OpenAPI document
// is generated from this list, so the two cannot drift (tests/api/openapi.test.ts checks the files).

export type Operation = {
  method: "GET" | "POST" | "PATCH";
  path: string;
  summary: string;
  description?: string;
  scope: Scope;
  /** For write tokens: the least role the token's member needs in the brand. */
  role?: Role;
  query?: z.ZodObject;
  body?: z.ZodType;
  idempotency?: "required" | "optional";
  etag?: true;
  success: { status: number; description: string; schema: z.ZodType };
  errors: number[];
};

const READ_ERRORS = [400, 401, 403, 404, 429];
const WRITE_ERRORS = [400, 401, 403, 404, 409, 413, 415, 422, 429];

export const OPERATIONS = {
  postEvents: {
    method: "POST",
    path: "/api/v1/events",
    summary: "Post one event, or a batch of up to 1000",
    description: "The whole body is validated first: one bad event stores nothing. A replayed externalId is reported as a duplicate.",
    scope: "ingest",
    body: eventsBodySchema,
    success: { status: 202, description: "Stored", schema: ingestResultSchema },
    errors: [400, 401, 403, 413, 415, 429],
  },
  listConversations: {
    method: "GET",
    path: "/api/v1/conversations",
    summary: "List conversations, newest activity first",
    scope: "read",
    query: conversationFilterSchema,
    etag: true,
    success: { status: 200, description: "One page", schema: conversationListSchema },
    errors: READ_ERRORS,
  },
  getConversation: {
    method: "GET",
    path: "/api/v1/conversations/{id}",
    summary: "One conversation with its messages and response cycles",
    scope: "read",
    etag: true,
    success: { status: 200, description: "The conversation", schema: conversationDetailSchema },
    errors: READ_ERRORS,
  },
  updateConversation: {
    method: "PATCH",
    path: "/api/v1/conversations/{id}",
    summary: "Change status, snooze, assignee, priority or labels",
    description: "All named fields change together, or none. A resolved conversation reopens only when the customer writes again (409).",
    scope: "write",
    role: "agent",
    body: conversationPatchSchema,
    idempotency: "optional",
    success: { status: 200, description: "The conversation after the change", schema: conversationSchema },
    errors: WRITE_ERRORS,
  },
  replyToConversation: {
    method: "POST",
    path: "/api/v1/conversations/{id}/replies",
    summary: "Reply to the customer, through the outbox",
    description: "Queued now and sent by the worker; it counts as the member's first response once the platform accepts it, unless automated.",
    scope: "write",
    role: "agent",
    body: replyBodySchema,
    idempotency: "required",
    success: { status: 201, description: "Queued", schema: replySchema },
    errors: WRITE_ERRORS,
  },
  addNote: {
    method: "POST",
    path: "/api/v1/conversations/{id}/notes",
    summary: "Add an internal note (an @mention notifies the teammate)",
    scope: "write",
    role: "agent",
    body: noteBodySchema,
    idempotency: "optional",
    success: { status: 201, description: "Added", schema: noteSchema },
    errors: WRITE_ERRORS,
  },
  classifyMessage: {
    method: "POST",
    path: "/api/v1/messages/{id}/classification",
    summary: "Correct an inbound message's classification",
    description: "A correction the classifier learns from; the conversation's category and clock follow.",
    scope: "write",
    role: "agent",
    body: classificationBodySchema,
    idempotency: "optional",
    success: { status: 200, description: "The message's classification now", schema: classificationSchema },
    errors: WRITE_ERRORS,
  },
} satisfies Record<string, Operation>;

export type OperationId = keyof typeof OPERATIONS;
