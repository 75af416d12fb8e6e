"use client";
import { Button } from "@/components/ui/button";

export default function CallsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6">
      <h2 className="font-semibold text-red-800">We could not load your calls</h2>
      <p className="mt-1 text-sm text-red-700">This is on our side. Calls in progress are unaffected.</p>
      <Button variant="secondary" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
