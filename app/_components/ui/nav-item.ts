// Links that say where you are (main nav, settings nav, inbox views, queue filters) share one look:
// the current one carries aria-current and this shade; callers add their own layout and height.
const CURRENT = "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100";
const OTHER = "text-zinc-600 hover:bg-zinc-50 dark:text-zinc-400 dark:hover:bg-zinc-900";

export function navItemClass(current: boolean): string {
  return `rounded-md px-2.5 ${current ? CURRENT : OTHER}`;
}
