// Shown while the account and its sessions load.
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading your account" className="space-y-4">
      <div className="h-8 w-40 animate-pulse rounded bg-zinc-200" />
      <div className="h-24 animate-pulse rounded-xl bg-zinc-100" />
      <div className="h-40 animate-pulse rounded-xl bg-zinc-100" />
    </div>
  );
}
