import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md p-10">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-zinc-500">This page does not exist, or it belongs to a brand you are not a member of.</p>
      <Link href="/inbox" className="mt-4 inline-block text-blue-700 underline dark:text-blue-400">
        Back to the inbox
      </Link>
    </main>
  );
}
