import { ApiKeysIntro } from "@/components/api-keys/api-keys-intro";

// Shown while the key list loads: the page's own heading and intro at once (they need no data),
// then placeholders where the list will be.
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading API keys">
      <div className="min-w-0">
        <p className="text-2xl font-semibold" aria-hidden>
          API Keys
        </p>
        <ApiKeysIntro />
      </div>
      <div className="mt-6 space-y-2 rounded-xl border border-zinc-200 bg-white p-4">
        {[0, 1, 2].map((row) => (
          <div key={row} className="h-10 animate-pulse rounded bg-zinc-100" />
        ))}
      </div>
    </div>
  );
}
