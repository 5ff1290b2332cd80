export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Local "HH:MM" times; day 0 = Sunday; end <= start runs overnight into the next day; end may be "24:00". */
export type WeeklyInterval = { day: Weekday; start: string; end: string };

/** intervals null = open 24/7; holidays are local "YYYY-MM-DD" dates, closed all day. */
export type Calendar = { timezone: string; intervals: WeeklyInterval[] | null; holidays: string[] };
