// The wrapper scrolls a wide table on a phone: it is focusable so the keyboard can scroll it, and
// `relative` so visually hidden labels inside are clipped with it instead of widening the page.
// A visually hidden table (a chart's text alternative) passes scroll={false}: nothing to scroll, no tab stop.
export function Table({ caption, children, scroll = true }: { caption?: string; children: React.ReactNode; scroll?: boolean }) {
  const table = (
    <table className="w-full text-left text-sm">
      {caption && <caption className="sr-only">{caption}</caption>}
      {children}
    </table>
  );
  if (!scroll) return table;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800" tabIndex={0} role="region" aria-label={caption}>
      {table}
    </div>
  );
}

export function Th({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return (
    <th scope="col" className={`bg-zinc-50 px-3 py-2 text-xs font-medium text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400 ${className}`}>
      {children}
    </th>
  );
}

export function Td({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return <td className={`border-t border-zinc-200 px-3 py-2 dark:border-zinc-800 ${className}`}>{children}</td>;
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-zinc-500">{children}</div>}
    </div>
  );
}
