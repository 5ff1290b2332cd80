import { engineOf, type Db } from "./client";
import * as postgres from "./postgres/json";
import * as sqlite from "./sqlite/json";

// Questions over stored JSON (rules' conditions and actions, audit rows), on the handle's engine.
const on = (db: Db) => (engineOf(db).kind === "postgres" ? postgres : sqlite);

export const rulesSendingToEndpoint = (db: Db, query: { brandId: number; endpointId: number }) => on(db).rulesSendingToEndpoint(db, query);
export const brandsWithRuleConditions = (db: Db, query: { types: readonly string[] }) => on(db).brandsWithRuleConditions(db, query);
export const ruleFiredInCycle = (db: Db, query: { conversationId: number; ruleId: number; cycleId: number | null }) => on(db).ruleFiredInCycle(db, query);
