"use client";
// The "Get started" checklist (/onboarding): create an agent, generate a key, make the first
// authenticated request, each done in place. The new key's plaintext lives only in this page's
// memory, from the reveal until the person leaves; after that "Send test request" asks for it.
// Step 3 ticks when the workspace's first request is answered, from anywhere: the server pushes
// it (GET /onboarding/events, server-sent events) and the page refreshes.
import { BookOpen, Check } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { GenerateKeyDialog } from "@/components/api-keys/generate-key-dialog";
import { KeySnippets } from "@/components/api-keys/key-snippets";
import { RevealKeyDialog } from "@/components/api-keys/reveal-key-dialog";
import { TestResult, type TestOutcome } from "@/components/api-keys/test-key";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { CreatedApiKey } from "@/db/queries/api-keys";
import { createFirstAgentAction, dismissOnboardingAction } from "@/lib/actions/onboarding";
import { testApiKeyAction } from "@/lib/actions/test-api-key";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";

export const ONBOARDING_EVENTS_PATH = "/onboarding/events";

type Props = {
  origin: string;
  agent: { id: string; name: string } | null;
  hasKey: boolean;
  firstRequestAt: string | null;
  dismissed: boolean;
  /** Why this person may not take a step (their role), or null when they may. */
  refusals: { createAgent: string | null; createKey: string | null };
};

export function OnboardingChecklist({ origin, agent, hasKey, firstRequestAt, dismissed, refusals }: Props) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const [generateOpen, setGenerateOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [testResult, setTestResult] = useState<TestOutcome | null>(null);
  const [creatingAgent, startCreatingAgent] = useTransition();
  const [dismissing, startDismissing] = useTransition();
  const generateButton = useRef<HTMLButtonElement>(null);
  const testButton = useRef<HTMLButtonElement>(null);
  const done = [agent !== null, hasKey, firstRequestAt !== null];
  const doneCount = done.filter(Boolean).length;

  // Step 3 may be done from a terminal: the server says so the moment it happens.
  useEffect(() => {
    if (firstRequestAt) return;
    const events = new EventSource(ONBOARDING_EVENTS_PATH);
    events.addEventListener("first-request", () => {
      events.close();
      router.refresh();
    });
    return () => events.close();
  }, [firstRequestAt, router]);

  function createAgent() {
    startCreatingAgent(async () => {
      const result = await createFirstAgentAction(null, {});
      if (!result?.ok) toast.error(`Could not create the agent: ${result?.error ?? "try again."}`);
      router.refresh();
    });
  }

  function dismiss() {
    startDismissing(async () => {
      const result = await dismissOnboardingAction(null, {});
      if (!result?.ok) toast.error(result?.error ?? "Could not dismiss the checklist. Try again.");
      else router.push(routes.apiKeys);
    });
  }

  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Get started</h1>
        <p className="text-sm text-zinc-600">
          Three steps from a new workspace to its first authenticated call to the Switchboard API. About a minute.
        </p>
        <div className="flex items-center gap-3">
          <div className="h-2 w-40 overflow-hidden rounded-full bg-zinc-200" aria-hidden>
            <div className="h-full rounded-full bg-emerald-600 transition-[width]" style={{ width: `${(doneCount / 3) * 100}%` }} />
          </div>
          <p role="status" className="text-sm font-medium text-zinc-700">
            {doneCount} of 3 steps complete
          </p>
        </div>
      </header>

      <ol aria-label="Steps" className="space-y-4">
        <Step number={1} title="Create your first agent" complete={done[0]!}>
          <p className="text-sm text-zinc-600">
            An agent is the voice that answers or places calls: its voice and the first thing it says. We start you with one
            you can change later.
          </p>
          {agent ? (
            <Complete>
              <Link href={routes.agents} className="underline underline-offset-2">
                {agent.name}
              </Link>{" "}
              is ready.
            </Complete>
          ) : refusals.createAgent ? (
            <ReadOnly reason={refusals.createAgent} />
          ) : (
            <Button onClick={createAgent} disabled={creatingAgent}>
              {creatingAgent ? "Creating…" : "Create agent"}
            </Button>
          )}
        </Step>

        <Step number={2} title="Generate your first API key" complete={done[1]!}>
          <p className="text-sm text-zinc-600">
            Your servers send it with every call. It is shown once: copy it somewhere safe, such as a secret manager.
          </p>
          {hasKey ? (
            <Complete>
              A key was generated.{" "}
              {secret ? "It stays in this page, for the next step, until you leave it." : null}{" "}
              <Link href={routes.apiKeys} className="underline underline-offset-2">
                See your keys
              </Link>
            </Complete>
          ) : null}
          {!hasKey && refusals.createKey ? <ReadOnly reason={refusals.createKey} /> : null}
          {!hasKey && !refusals.createKey ? (
            <Button ref={generateButton} onClick={() => setGenerateOpen(true)}>
              Generate API Key
            </Button>
          ) : null}
        </Step>

        <Step number={3} title="Make your first authenticated request" complete={done[2]!}>
          {firstRequestAt ? (
            <>
              <Complete>
                Your workspace answered its first authenticated request at{" "}
                <time dateTime={firstRequestAt}>{new Date(firstRequestAt).toLocaleString()}</time>.
              </Complete>
              {/* The answer that completed the step stays readable. */}
              {testResult ? <TestResult result={testResult} expanded /> : null}
            </>
          ) : (
            <>
              <p className="text-sm text-zinc-600">
                Send <code className="font-mono text-xs">GET /api/v1/me</code> with your key in the{" "}
                <code className="font-mono text-xs">X-API-Key</code> header, from here or from your own terminal. This step ticks
                itself when the request arrives.
              </p>
              <SendTestRequest secret={secret} buttonRef={testButton} result={testResult} onResult={setTestResult} />
              <details className="rounded-md border border-zinc-200 bg-white p-3">
                <summary className="cursor-pointer text-sm font-medium">Or copy the request for your terminal or code</summary>
                <div className="mt-3">
                  <KeySnippets origin={origin} secret={secret ?? "YOUR_API_KEY"} onCopied={() => {}} />
                </div>
              </details>
            </>
          )}
        </Step>
      </ol>

      {doneCount === 3 ? (
        <section aria-labelledby="all-set" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-5 text-sm text-emerald-900">
          <h2 id="all-set" className="text-base font-semibold">
            You are all set
          </h2>
          <p>Next: start a call with your agent, keep the key in a secret manager, and read how to rotate it.</p>
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <GuideLink href={routes.guide("getting-started")}>Getting started guide</GuideLink>
            <GuideLink href={routes.guide("rotating-keys")}>Rotating keys safely</GuideLink>
            <GuideLink href={routes.apiDocs}>API reference</GuideLink>
          </p>
        </section>
      ) : null}

      {dismissed ? null : (
        <p className="text-sm text-zinc-600">
          <Button variant="secondary" size="sm" onClick={dismiss} disabled={dismissing}>
            Dismiss checklist
          </Button>{" "}
          <span className="ml-2">Hides it from your navigation; others in the workspace still see it.</span>
        </p>
      )}

      <GenerateKeyDialog
        open={generateOpen}
        onOpenChange={setGenerateOpen}
        defaultName="production"
        agents={agent ? [agent] : []}
        returnFocusTo={() => generateButton.current}
        onCreated={(key) => {
          setGenerateOpen(false);
          setSecret(key.secret);
          setCreated(key);
        }}
      />
      <RevealKeyDialog
        created={created}
        returnFocusTo={() => testButton.current}
        onDone={() => {
          setCreated(null);
          router.refresh();
        }}
      />
    </div>
  );
}

function Step({ number, title, complete, children }: { number: number; title: string; complete: boolean; children: ReactNode }) {
  return (
    <li className={cn("flex gap-4 rounded-lg border bg-white p-5", complete ? "border-emerald-200" : "border-zinc-200")}>
      <span
        aria-hidden
        className={cn(
          "flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
          complete ? "bg-emerald-600 text-white" : "border border-zinc-300 text-zinc-700",
        )}
      >
        {complete ? <Check className="size-4" /> : number}
      </span>
      <div className="min-w-0 flex-1 space-y-3">
        <h2 className="font-medium">
          <span className="sr-only">Step {number}: </span>
          {title}
        </h2>
        {children}
      </div>
    </li>
  );
}

function Complete({ children }: { children: ReactNode }) {
  return (
    <p className="text-sm text-emerald-800">
      <strong className="font-semibold">Done.</strong> {children}
    </p>
  );
}

function ReadOnly({ reason }: { reason: string }) {
  return <p className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-700">{reason} This step is waiting for one of them.</p>;
}

function GuideLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 font-medium underline underline-offset-2">
      <BookOpen className="size-3.5" aria-hidden />
      {children}
    </Link>
  );
}

/** Step 3 from the dashboard: the server sends GET /api/v1/me with the key, as curl would. */
function SendTestRequest({
  secret,
  buttonRef,
  result,
  onResult,
}: {
  secret: string | null;
  buttonRef: React.Ref<HTMLButtonElement>;
  result: TestOutcome | null;
  onResult: (result: TestOutcome) => void;
}) {
  const router = useRouter();
  const [pasted, setPasted] = useState("");
  const [missing, setMissing] = useState(false);
  const [pending, startTransition] = useTransition();
  const key = secret ?? pasted;

  function send() {
    if (!key) {
      setMissing(true);
      return;
    }
    startTransition(async () => {
      const state = await testApiKeyAction(null, { key });
      onResult(state?.ok ? { ok: true, answer: state.data } : { ok: false, error: state?.error ?? "The test failed." });
      // A 200 completes the step: the server has it already; show it without waiting for the push.
      if (state?.ok && state.data.status === 200) router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {secret ? (
        <p className="text-sm text-zinc-600">Uses the key you just generated.</p>
      ) : (
        <TextField
          label="API key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          hint="Paste the key you saved. Our server sends it once to the API and keeps no copy."
          value={pasted}
          onChange={(event) => {
            setPasted(event.target.value);
            setMissing(false);
          }}
          errors={missing ? ["Paste your API key first: it starts with swb_sk_ or swb_pk_."] : undefined}
        />
      )}
      <Button ref={buttonRef} onClick={send} disabled={pending}>
        {pending ? "Sending…" : "Send test request"}
      </Button>
      <div role="status" aria-live="polite">
        {result ? <TestResult result={result} expanded /> : null}
      </div>
    </div>
  );
}
