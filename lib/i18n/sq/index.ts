import type { MessageKey } from "../messages";
import { uiSq } from "../dict-ui";
import { pushSq } from "../dict-push";
import { coreSq } from "./core";
import { inboxSq } from "./inbox";
import { escalationsSq } from "./escalations";
import { dashboardSq } from "./dashboard";
import { settingsSq } from "./settings";
import { rulesSq } from "./rules";
import { errorsSq } from "./errors";

export const sq: Record<MessageKey, string> = {
  ...coreSq,
  ...inboxSq,
  ...escalationsSq,
  ...dashboardSq,
  ...settingsSq,
  ...rulesSq,
  ...uiSq,
  ...pushSq,
  ...errorsSq,
};
