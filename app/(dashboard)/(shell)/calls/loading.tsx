// Shown while the call list loads.
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading calls" className="space-y-4">
      <div className="h-8 w-28 animate-pulse rounded bg-zinc-200" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-zinc-200" />
      <div className="h-20 animate-pulse rounded-xl bg-zinc-100" />
      <div className="space-y-2 rounded-xl border border-zinc-200 bg-white p-4">
        {[0, 1, 2].map((row) => (
          <div key={row} className="h-10 animate-pulse rounded bg-zinc-100" />
        ))}
      </div>
    </div>
  );
}
