// The one-hour norm of the field, and the share of it after which a waiting request is at risk.
export const DEFAULT_FIRST_RESPONSE_SECONDS = 3600;
export const DEFAULT_AT_RISK_SHARE = 0.75;
