"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md p-10" role="alert">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-1 text-zinc-500">Nothing was lost. Try again; if it keeps happening, tell your admin.</p>
      <button onClick={reset} className="mt-4 rounded-md bg-blue-600 px-3 py-1.5 text-white">
        Try again
      </button>
    </main>
  );
}
