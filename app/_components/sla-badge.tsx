// Kept as the import path pages use; the badges read the interface language in the browser.
export { SlaBadge, SentimentBadge } from "./sla-badge.client";
