/**
 * Erlang C, the standard contact-centre queueing model (M/M/N: Poisson arrivals, exponential
 * handle times, N agents, first come first served, nobody abandons). Reference: A. K. Erlang
 * (1917); the formulas as used for staffing in G. Koole, "Call Center Optimization" (2013),
 * ch. 5, and N. Gans, G. Koole, A. Mandelbaum, "Telephone call centers: tutorial, review and
 * research prospects", MSOM 5(2), 2003, §4.1.
 *
 *   A  = λ · AHT                      offered load in Erlangs (arrivals per second × seconds)
 *   B(0, A) = 1,  B(n, A) = A·B(n−1, A) / (n + A·B(n−1, A))       Erlang B by recursion
 *   C(N, A) = N·B(N, A) / (N − A·(1 − B(N, A)))                    probability of waiting (N > A)
 *   SL(t)   = 1 − C(N, A) · e^(−(N − A)·t / AHT)                  share answered within t
 *   occupancy = A / N
 *
 * The recursion never forms A^N or N!, so it stays exact to floating point for any N and A.
 */

export type Load = { arrivalsPerHour: number; ahtSeconds: number };

export function offeredLoad({ arrivalsPerHour, ahtSeconds }: Load): number {
  return (arrivalsPerHour / 3600) * ahtSeconds;
}

export function erlangB({ agents, load }: { agents: number; load: number }): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (load * b) / (n + load * b);
  return b;
}

/** Probability that a request waits at all; 1 when the agents cannot keep up (N ≤ A). */
export function erlangC({ agents, load }: { agents: number; load: number }): number {
  if (load <= 0) return 0;
  if (agents <= load) return 1;
  const b = erlangB({ agents, load });
  return (agents * b) / (agents - load * (1 - b));
}

/** Share of requests answered within `targetSeconds`; 1 with no load, 0 when N ≤ A. */
export function serviceLevel({ agents, arrivalsPerHour, ahtSeconds, targetSeconds }: Load & { agents: number; targetSeconds: number }): number {
  const load = offeredLoad({ arrivalsPerHour, ahtSeconds });
  if (load <= 0) return 1;
  if (agents <= load) return 0;
  const waits = erlangC({ agents, load });
  return Math.max(0, Math.min(1, 1 - waits * Math.exp((-(agents - load) * targetSeconds) / ahtSeconds)));
}

/** Mean wait of all requests (the average speed of answer): C · AHT / (N − A). */
export function averageWaitSeconds({ agents, arrivalsPerHour, ahtSeconds }: Load & { agents: number }): number {
  const load = offeredLoad({ arrivalsPerHour, ahtSeconds });
  if (load <= 0) return 0;
  if (agents <= load) return Infinity;
  return (erlangC({ agents, load }) * ahtSeconds) / (agents - load);
}

export function occupancy({ agents, arrivalsPerHour, ahtSeconds }: Load & { agents: number }): number {
  if (agents <= 0) return arrivalsPerHour > 0 ? Infinity : 0;
  return offeredLoad({ arrivalsPerHour, ahtSeconds }) / agents;
}

export type Targets = { targetSeconds: number; serviceLevel: number; maxOccupancy: number };

/**
 * The smallest whole number of agents whose service level reaches the target and whose
 * occupancy stays within the maximum; 0 when nothing arrives.
 */
export function agentsNeeded({ arrivalsPerHour, ahtSeconds, targetSeconds, serviceLevel: wanted, maxOccupancy }: Load & Targets): number {
  const load = offeredLoad({ arrivalsPerHour, ahtSeconds });
  if (load <= 0) return 0;
  // Occupancy alone sets a floor; the service level is monotone in N above the load.
  let agents = Math.max(1, Math.ceil(load / maxOccupancy - 1e-9), Math.floor(load) + 1);
  while (serviceLevel({ agents, arrivalsPerHour, ahtSeconds, targetSeconds }) < wanted) agents++;
  return agents;
}

/** Agents to put on the rota so that, after breaks and meetings, `needed` are working. */
export function agentsToSchedule({ agentsNeeded: needed, shrinkage }: { agentsNeeded: number; shrinkage: number }): number {
  if (needed <= 0) return 0;
  return Math.ceil(needed / (1 - shrinkage) - 1e-9);
}
