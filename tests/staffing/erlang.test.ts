import { describe, expect, it } from "vitest";
import { agentsNeeded, agentsToSchedule, averageWaitSeconds, erlangB, erlangC, occupancy, offeredLoad, serviceLevel } from "@/lib/staffing/erlang";

// The classic worked example (callcentrehelper.com "Erlang C formula – made simple", also in
// Koole's textbook): 100 calls per 30 minutes, AHT 180 s, 80% within 20 s. Traffic 10 Erlangs;
// 13 agents give 79.6%, 14 agents 88.8% with a 17.4% chance of waiting, ASA 7.8 s, occupancy 71.4%.
const classic = { arrivalsPerHour: 200, ahtSeconds: 180 };

describe("Erlang C", () => {
  it("computes the offered load in Erlangs", () => {
    expect(offeredLoad(classic)).toBeCloseTo(10, 10);
  });

  it("matches the Erlang B table: 5 Erlangs on 10 lines block 1.84%", () => {
    expect(erlangB({ agents: 10, load: 5 })).toBeCloseTo(0.01838, 5);
    expect(erlangB({ agents: 0, load: 5 })).toBe(1);
  });

  it("reproduces the classic call-centre example", () => {
    expect(erlangC({ agents: 14, load: 10 })).toBeCloseTo(0.1741, 4);
    expect(serviceLevel({ ...classic, agents: 14, targetSeconds: 20 })).toBeCloseTo(0.888, 3);
    expect(serviceLevel({ ...classic, agents: 13, targetSeconds: 20 })).toBeCloseTo(0.796, 3);
    expect(averageWaitSeconds({ ...classic, agents: 14 })).toBeCloseTo(7.8, 1);
    expect(occupancy({ ...classic, agents: 14 })).toBeCloseTo(0.714, 3);
    expect(agentsNeeded({ ...classic, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85 })).toBe(14);
  });

  it("stays finite and in range for large teams where N! and A^N overflow", () => {
    const c = erlangC({ agents: 1000, load: 950 });
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    expect(agentsNeeded({ arrivalsPerHour: 19_000, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 1 })).toBeGreaterThan(950);
  });

  it("lets the occupancy cap decide when the service level is easy", () => {
    // 10 Erlangs at a 60-minute target: 11 agents reach 80%, but 11 agents are 91% busy.
    expect(agentsNeeded({ ...classic, targetSeconds: 3600, serviceLevel: 0.8, maxOccupancy: 1 })).toBe(11);
    expect(agentsNeeded({ ...classic, targetSeconds: 3600, serviceLevel: 0.8, maxOccupancy: 0.85 })).toBe(12);
  });

  it("needs nobody without arrivals and treats an overloaded team as failing", () => {
    expect(agentsNeeded({ arrivalsPerHour: 0, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85 })).toBe(0);
    expect(serviceLevel({ ...classic, agents: 10, targetSeconds: 20 })).toBe(0);
    expect(serviceLevel({ arrivalsPerHour: 0, ahtSeconds: 180, agents: 0, targetSeconds: 20 })).toBe(1);
  });

  it("adds shrinkage on top of the agents needed", () => {
    expect(agentsToSchedule({ agentsNeeded: 14, shrinkage: 0.3 })).toBe(20);
    expect(agentsToSchedule({ agentsNeeded: 7, shrinkage: 0.3 })).toBe(10);
    expect(agentsToSchedule({ agentsNeeded: 0, shrinkage: 0.3 })).toBe(0);
  });
});
