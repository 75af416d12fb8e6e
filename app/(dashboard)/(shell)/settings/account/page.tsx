import type { Metadata } from "next";
import { AccountView } from "@/components/account/account-view";
import { getDb } from "@/db/client";
import { listSessions } from "@/db/queries/sessions";
import { findTwoFactorStatus } from "@/db/queries/two-factor";
import { requireSessionContext } from "@/lib/auth/session";
import { describeUserAgent } from "@/lib/user-agent";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { user, sessionId } = await requireSessionContext();
  const [sessions, twoFactor] = await Promise.all([listSessions(getDb(), user.id), findTwoFactorStatus(getDb(), user.id)]);
  return (
    <AccountView
      user={user}
      twoFactor={twoFactor}
      sessions={sessions.map((session) => ({
        id: session.id,
        device: describeUserAgent(session.userAgent),
        ip: session.ip,
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        current: session.id === sessionId,
      }))}
    />
  );
}
