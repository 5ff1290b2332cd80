import type { InboundEventInput } from "@/lib/ingest/event";
import type { DemoTruth } from "./catalog";

export type DemoItem = {
  brandSlug: string;
  channelKey: string;
  /** Inbound from a customer, or outbound (the brand's reply or an automated reply). */
  event: InboundEventInput;
  /** For outbound replies by a person: which demo agent wrote it. */
  agentKey?: string;
  /** Ground truth: for inbound the customer's message; for outbound request and complaint are false. */
  truth: DemoTruth;
};
