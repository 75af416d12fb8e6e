// Queries of the /api/v1 hot path. Unlike the dashboard's query modules this one does not import
// `server-only`: the Hono app runs in plain Node, outside React's server environment.
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, workspaces } from "@/db/schema";
import { compileIpAllowlist } from "@/lib/keys/ip-allowlist";
import { rateLimitOf } from "@/lib/keys/limits";
import { compileOrigins } from "@/lib/keys/origins";
import type { KeyRecord } from "@/lib/keys/verify";

/**
 * One indexed query (unique index on hash) per cache miss, prepared once: building the query
 * anew each time cost several times the query itself (measured: about 0.75 ms a lookup built
 * per call, against 0.16 ms for the bare SQL).
 */
export function keyLookupFrom(db: Database) {
  const byHash = db
    .select({
      id: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      workspaceName: workspaces.name,
      name: apiKeys.name,
      type: apiKeys.type,
      status: apiKeys.status,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      rolledToId: apiKeys.rolledToId,
      permissions: apiKeys.permissions,
      allowedAgents: apiKeys.allowedAgents,
      allowTransientAgents: apiKeys.allowTransientAgents,
      allowedOrigins: apiKeys.allowedOrigins,
      allowedIps: apiKeys.allowedIps,
      rateLimitPerSecond: apiKeys.rateLimitPerSecond,
      rateLimitBurst: apiKeys.rateLimitBurst,
      leakedAt: apiKeys.leakedAt,
    })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(eq(apiKeys.hash, sql.placeholder("hash")))
    .limit(1)
    .prepare("switchboard_key_by_hash");
  return async (hash: string): Promise<KeyRecord | null> => {
    const [row] = await byHash.execute({ hash });
    if (!row) return null;
    const { allowedOrigins, rateLimitPerSecond, rateLimitBurst, ...record } = row;
    return {
      ...record,
      origins: compileOrigins(allowedOrigins),
      ipRanges: compileIpAllowlist(record.allowedIps),
      // One object per cached record: the limiter finds its instance for it without building a key.
      rateLimit: rateLimitOf({ rateLimitPerSecond, rateLimitBurst }),
    };
  };
}

/** Every allowed origin of every live, active public key (for CORS preflights, lib/api/cors.ts). */
export function publicOriginsFrom(db: Database) {
  return async (): Promise<string[]> => {
    const rows = await db.execute<{ origin: string }>(sql`
      select distinct unnest(allowed_origins) as origin from api_keys
      where type = 'public' and status = 'active' and revoked_at is null and (expires_at is null or expires_at > now())`);
    return rows.map((row) => row.origin);
  };
}
