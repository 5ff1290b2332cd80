import type { MessageKey } from "./messages";
import type { inboxEn } from "./dict-inbox";
import type { escalationsEn } from "./dict-escalations";
import type { dashboardEn } from "./dict-dashboard";
import type { settingsEn } from "./dict-settings";
import type { rulesEn } from "./dict-rules";
import type { uiEn } from "./dict-ui";
import type { errorsEn } from "./dict-errors";
import type { apiDocsEn } from "./dict-api";
import type { staffingEn } from "./dict-staffing";
import type { reportsEn } from "./dict-reports";
import type { securityEn } from "./dict-security";
import type { pushEn } from "./dict-push";
import type { notifyEn } from "./dict-notify";

/** The keys messages.ts itself defines, outside the area dictionaries. */
export type CoreKey = Exclude<
  MessageKey,
  | keyof typeof inboxEn
  | keyof typeof escalationsEn
  | keyof typeof dashboardEn
  | keyof typeof settingsEn
  | keyof typeof rulesEn
  | keyof typeof uiEn
  | keyof typeof errorsEn
  | keyof typeof apiDocsEn
  | keyof typeof staffingEn
  | keyof typeof reportsEn
  | keyof typeof securityEn
  | keyof typeof pushEn
  | keyof typeof notifyEn
>;
