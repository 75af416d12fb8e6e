// The "Get started" checklist's data (README "Onboarding"): step 3 is written at the workspace's
// first successful authenticated request, over real HTTP, at once and announced once by NOTIFY;
// refusals do not count; the checklist's state and its dismissal are per workspace and person.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getSql } from "@/db/client";
import { FIRST_REQUEST_CHANNEL, findOnboardingState } from "@/db/queries/onboarding";
import { workspaces } from "@/db/schema";
import { createAgent } from "@/lib/services/agents";
import { setApiKeyStatus } from "@/lib/services/api-keys";
import { dismissOnboarding } from "@/lib/services/onboarding";
import { startApiServer } from "../support/api-server";
import { actorOf, addMember, createKey, createWorkspace } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;
const notified: string[] = [];
let unlisten: (() => Promise<void>) | undefined;

beforeAll(async () => {
  api = await startApiServer({ rateLimiter: null });
  ({ unlisten } = await getSql().listen(FIRST_REQUEST_CHANNEL, (id) => notified.push(id)));
});
afterAll(async () => {
  await unlisten?.();
  await api?.close();
});

async function firstRequestAt(workspaceId: string) {
  const [row] = await getDb().select({ at: workspaces.firstRequestAt }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.at ?? null;
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 2_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("first authenticated request", () => {
  it("is written within 2 seconds of the first 200 and announced exactly once", async () => {
    const owner = await createWorkspace({ workspaceName: "First request" });
    const { secret } = await createKey(owner);
    expect(await firstRequestAt(owner.workspaceId)).toBeNull();

    const started = Date.now();
    expect((await api.send(secret, { path: "/api/v1/me" })).status).toBe(200);
    const at = await waitFor(() => firstRequestAt(owner.workspaceId), (value) => value !== null);
    expect(at).not.toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
    await waitFor(async () => notified.filter((id) => id === owner.workspaceId).length, (n) => n === 1);

    // Later requests change nothing and announce nothing.
    for (let i = 0; i < 5; i++) expect((await api.send(secret, { path: "/api/v1/me" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await firstRequestAt(owner.workspaceId)).toEqual(at);
    expect(notified.filter((id) => id === owner.workspaceId)).toHaveLength(1);
  });

  it("does not count refused or failed requests", async () => {
    const owner = await createWorkspace({ workspaceName: "Refused only" });
    const key = await createKey(owner);
    await setApiKeyStatus(actorOf(owner), { workspaceId: owner.workspaceId, keyId: key.apiKey.id, status: "disabled" });
    expect((await api.send(key.secret, { path: "/api/v1/me" })).status).toBe(401);
    const other = await createKey(owner);
    // A live key on a path that does not exist: authenticated, but not a successful request.
    expect((await api.send(other.secret, { path: "/api/v1/no-such-thing" })).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await firstRequestAt(owner.workspaceId)).toBeNull();
    expect(notified).not.toContain(owner.workspaceId);
  });
});

describe("checklist state", () => {
  it("follows the agent, the key and the first request, and dismissal is per person", async () => {
    const owner = await createWorkspace({ workspaceName: "Checklist" });
    const member = await addMember(owner.workspaceId, "member");
    const empty = await findOnboardingState(getDb(), owner.workspaceId, owner.userId);
    expect(empty).toEqual({ agent: null, hasKey: false, firstRequestAt: null, dismissedAt: null });

    const agent = await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Support line", description: null, voice: "aria", firstMessage: "Hi" });
    const { secret } = await createKey(owner);
    await api.send(secret, { path: "/api/v1/me" });
    await waitFor(() => firstRequestAt(owner.workspaceId), (value) => value !== null);

    await dismissOnboarding(actorOf(member), { workspaceId: owner.workspaceId });
    const forOwner = await findOnboardingState(getDb(), owner.workspaceId, owner.userId);
    expect(forOwner.agent).toEqual({ id: agent.id, name: "Support line" });
    expect(forOwner.hasKey).toBe(true);
    expect(forOwner.firstRequestAt).toBeInstanceOf(Date);
    expect(forOwner.dismissedAt).toBeNull();
    expect((await findOnboardingState(getDb(), owner.workspaceId, member.userId)).dismissedAt).toBeInstanceOf(Date);
  });
});
