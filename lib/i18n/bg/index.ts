import type { MessageKey } from "../messages";
import { uiBg } from "../dict-ui";
import { pushBg } from "../dict-push";
import { coreBg } from "./core";
import { inboxBg } from "./inbox";
import { escalationsBg } from "./escalations";
import { dashboardBg } from "./dashboard";
import { settingsBg } from "./settings";
import { rulesBg } from "./rules";
import { errorsBg } from "./errors";

export const bg: Record<MessageKey, string> = {
  ...coreBg,
  ...inboxBg,
  ...escalationsBg,
  ...dashboardBg,
  ...settingsBg,
  ...rulesBg,
  ...uiBg,
  ...pushBg,
  ...errorsBg,
};
