// Shown while the usage page adds up its counts.
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading usage" className="space-y-4">
      <div className="h-8 w-32 animate-pulse rounded bg-zinc-200" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-zinc-200" />
      <div className="mt-6 h-72 animate-pulse rounded-xl border border-zinc-200 bg-white" />
      <div className="h-40 animate-pulse rounded-xl border border-zinc-200 bg-white" />
    </div>
  );
}
