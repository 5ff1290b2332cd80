import fs from "node:fs";
import os from "node:os";

// Where a measure's CPU went: the whole machine (os.cpus()), the bench's own process
// (process.cpuUsage()) and, from /proc on Linux, the servers' and the database's processes.

/** Every core's busy and idle time so far, in milliseconds. */
export function cpuTimes(): { busy: number; idle: number } {
  let busy = 0;
  let idle = 0;
  for (const { times } of os.cpus()) {
    busy += times.user + times.nice + times.sys + times.irq;
    idle += times.idle;
  }
  return { busy, idle };
}

// /proc counts in clock ticks of USER_HZ, 100 a second on every Linux Node runs on.
const TICKS_PER_SECOND = 100;

/** A process's name, parent and CPU ticks so far, from /proc/<pid>/stat; null when it is gone or there is no /proc. */
export function procStat(pid: number | string): { name: string; ppid: number; ticks: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The name is in parentheses and may hold spaces; the fields after it are space-separated.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) these processes have used so far; null without /proc. */
export function processCpuSeconds(pids: number[]): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  return pids.reduce((sum, pid) => sum + (procStat(pid)?.ticks ?? 0), 0) / TICKS_PER_SECOND;
}

/** CPU seconds used so far by this machine's processes named `name` (e.g. every PostgreSQL backend); null without /proc. */
export function namedProcessesCpuSeconds(name: string): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat?.name === name) ticks += stat.ticks;
  }
  return ticks / TICKS_PER_SECOND;
}
