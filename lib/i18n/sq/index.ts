import type { MessageKey } from "../messages";
import { reportsSq } from "../dict-reports";
import { uiSq } from "../dict-ui";
import { apiDocsSq } from "../dict-api";
import { securitySq } from "../dict-security";
import { pushSq } from "../dict-push";
import { notifySq } from "../dict-notify";
import { coreSq } from "./core";
import { inboxSq } from "./inbox";
import { escalationsSq } from "./escalations";
import { dashboardSq } from "./dashboard";
import { settingsSq } from "./settings";
import { rulesSq } from "./rules";
import { errorsSq } from "./errors";
import { staffingSq } from "../dict-staffing";

export const sq: Record<MessageKey, string> = {
  ...coreSq,
  ...inboxSq,
  ...escalationsSq,
  ...dashboardSq,
  ...settingsSq,
  ...rulesSq,
  ...uiSq,
  ...apiDocsSq,
  ...securitySq,
  ...pushSq,
  ...notifySq,
  ...errorsSq,
  ...staffingSq,
  ...reportsSq,
};
