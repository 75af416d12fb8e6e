import AuthLayout from "@/app/(auth)/layout";

// What the dashboard shows while its database is unreachable (answered 503 with Retry-After,
// lib/server/outage.ts): the person is still signed in, nothing they did caused it, and the
// page tries again by itself.
export function DatabaseOutage() {
  return (
    <AuthLayout>
      {/* Reloads every 10 s until the database is back; no script needed. */}
      <meta httpEquiv="refresh" content="10" />
      <div role="alert">
        <h1 className="text-xl font-semibold">Switchboard is temporarily unavailable</h1>
        <p className="mt-2 text-sm text-zinc-600">
          The dashboard cannot reach its database right now. You are still signed in, and nothing you have saved is lost.
        </p>
        <p className="mt-2 text-sm text-zinc-600">
          This page tries again every 10 seconds. API keys in use recently keep working through the API meanwhile.
        </p>
      </div>
    </AuthLayout>
  );
}
