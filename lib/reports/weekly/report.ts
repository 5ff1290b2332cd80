import { eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { weekFigures, type WeekFigures } from "./figures";
import { lastWeek, reportWeek } from "./week";

/** Hours of the reported week that need more agents: weekday 1 = Monday … 7, local hour, agents short. */
export type StaffingGap = { hours: { weekday: number; hour: number; gap: number }[] };
/**
 * The staffing planner's gap for the brand and week, when the planner is there to give it; the
 * report shows it as its own section and leaves it out when this is absent or gives null.
 */
export type StaffingGapSource = (input: { db: Db; brandId: number; timeZone: string; from: number; to: number }) => Promise<StaffingGap | null>;

export type WeeklyReport = {
  brand: { id: number; slug: string; name: string; timeZone: string };
  /** The Monday the week starts, local. */
  week: string;
  current: WeekFigures;
  previous: WeekFigures;
  staffing: StaffingGap | null;
  generatedAt: number;
};

/**
 * Last week's figures against the week before, for a manager or admin of the brand (or the
 * worker acting as the system). `week` is a Monday; by default the last whole week.
 */
export async function buildWeeklyReport({
  db = database(),
  actor,
  brandId,
  week,
  now = Date.now(),
  staffingGap,
}: {
  db?: Db;
  actor: Principal;
  brandId: number;
  week?: string;
  now?: number;
  staffingGap?: StaffingGapSource;
}): Promise<WeeklyReport> {
  authorize({ actor, brandId, needs: "manager" });
  const [brand] = await db.select({ id: brands.id, slug: brands.slug, name: brands.name, timeZone: brands.timezone }).from(brands).where(eq(brands.id, brandId)).limit(1);
  if (!brand) throw new AppError("not_found:brand");
  const { timeZone } = brand;
  const span = week ? reportWeek({ week, timeZone }) : lastWeek({ now, timeZone });
  const [current, previous] = [
    await weekFigures({ db, brandId, timeZone, range: span.range, now }),
    await weekFigures({ db, brandId, timeZone, range: span.previous, now }),
  ];
  const staffing = staffingGap ? await staffingGap({ db, brandId, timeZone, from: span.range.from, to: span.range.to }) : null;
  return { brand, week: span.week, current, previous, staffing, generatedAt: now };
}
