"use client";
// "Test key": the server sends GET /api/v1/me with the key (lib/actions/test-api-key.ts) and the
// answer is shown here: the status, who the key is, and for a refusal its hint in plain words.
import { ExternalLink } from "lucide-react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { testApiKeyAction } from "@/lib/actions/test-api-key";
import type { TestAnswer } from "@/lib/keys/test-request";
import { routes } from "@/lib/routes";

export type TestOutcome = { ok: true; answer: TestAnswer } | { ok: false; error: string };

type MeBody = { workspace?: { name?: string }; key?: { name?: string; type?: string } };
type ErrorBody = { error?: { code?: string; message?: string; hint?: string } };

export function TestKey({ secret, label = "Test key" }: { secret: string; label?: string }) {
  const [result, setResult] = useState<TestOutcome | null>(null);
  const [pending, startTransition] = useTransition();

  function test() {
    startTransition(async () => {
      const state = await testApiKeyAction(null, { key: secret });
      setResult(state?.ok ? { ok: true, answer: state.data } : { ok: false, error: state?.error ?? "The test failed." });
    });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" size="sm" onClick={test} disabled={pending || !secret}>
          {pending ? "Testing…" : label}
        </Button>
        <span className="text-xs text-zinc-600">Sends GET /api/v1/me with this key, from the server.</span>
      </div>
      <div role="status" aria-live="polite">
        {result ? <TestResult result={result} /> : null}
      </div>
    </div>
  );
}

/** The answer of a test request; `expanded` shows its headers and body without a click. */
export function TestResult({ result, expanded = false }: { result: TestOutcome; expanded?: boolean }) {
  if (!result.ok) return <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{result.error}</p>;
  const { answer } = result;
  const good = answer.status === 200;
  const me = answer.body as MeBody;
  const error = (answer.body as ErrorBody)?.error;
  return (
    <div className={`space-y-2 rounded-md border px-3 py-2 text-sm ${good ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900"}`}>
      <p className="font-medium">
        {answer.status} {answer.statusText} · {answer.ms} ms
      </p>
      {good ? (
        <p>
          It works: workspace <strong>{me.workspace?.name}</strong>, key <strong>{me.key?.name}</strong> ({me.key?.type}).
        </p>
      ) : (
        <>
          <p>
            {error?.message} {error?.hint}
          </p>
          <p>
            <a href={routes.guide("troubleshooting")} target="_blank" rel="noopener" className="inline-flex items-center gap-1 font-medium underline underline-offset-2">
              Troubleshooting: every error and its fix
              <ExternalLink className="size-3.5" aria-hidden />
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          </p>
        </>
      )}
      <details className="text-xs" open={expanded}>
        <summary className="cursor-pointer">Headers and body</summary>
        <pre className="mt-2 overflow-x-auto rounded bg-white/70 p-2 font-mono whitespace-pre-wrap text-zinc-900" tabIndex={0}>
          {answer.headers.map((header) => `${header.name}: ${header.value}`).join("\n")}
          {"\n\n"}
          {typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body, null, 2)}
        </pre>
      </details>
    </div>
  );
}
