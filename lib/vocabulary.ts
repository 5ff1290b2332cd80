// The product's fixed vocabularies, for pages and actions that validate input (app/ never imports db/).
export { CATEGORIES, CHANNEL_KINDS, PRIORITIES, ROLES, type ChannelKind, type Role } from "@/db/schema";
