// Shown while the agent list loads.
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading agents" className="space-y-4">
      <div className="h-8 w-32 animate-pulse rounded bg-zinc-200" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-zinc-200" />
      <div className="mt-6 space-y-2 rounded-xl border border-zinc-200 bg-white p-4">
        {[0, 1, 2].map((row) => (
          <div key={row} className="h-12 animate-pulse rounded bg-zinc-100" />
        ))}
      </div>
    </div>
  );
}
