import type { MessageKey } from "../messages";
import { reportsBg } from "../dict-reports";
import { uiBg } from "../dict-ui";
import { apiDocsBg } from "../dict-api";
import { securityBg } from "../dict-security";
import { pushBg } from "../dict-push";
import { notifyBg } from "../dict-notify";
import { coreBg } from "./core";
import { inboxBg } from "./inbox";
import { escalationsBg } from "./escalations";
import { dashboardBg } from "./dashboard";
import { settingsBg } from "./settings";
import { rulesBg } from "./rules";
import { errorsBg } from "./errors";
import { staffingBg } from "../dict-staffing";

export const bg: Record<MessageKey, string> = {
  ...coreBg,
  ...inboxBg,
  ...escalationsBg,
  ...dashboardBg,
  ...settingsBg,
  ...rulesBg,
  ...uiBg,
  ...apiDocsBg,
  ...securityBg,
  ...pushBg,
  ...notifyBg,
  ...errorsBg,
  ...staffingBg,
  ...reportsBg,
};
