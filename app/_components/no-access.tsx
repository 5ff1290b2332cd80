export function NoAccess({ what }: { what: string }) {
  return (
    <div role="alert" className="rounded-lg border border-zinc-200 p-6 dark:border-zinc-800">
      <h1 className="text-lg font-semibold">No access</h1>
      <p className="text-zinc-500">{what} Ask an admin of this brand if you need it.</p>
    </div>
  );
}
