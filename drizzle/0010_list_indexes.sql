-- Indexes for the dashboard's lists (README "Lists"): each sort a list offers, with the row's id
-- as the keyset tiebreaker, so a page deep in 10,000 keys costs what the first does. Written by
-- hand beside db/schema.ts (its snapshot: meta/0010_snapshot.json); the key list's sorts cover live keys only.
CREATE INDEX IF NOT EXISTS "api_keys_live_created_idx" ON "api_keys" USING btree ("workspace_id","created_at","id") WHERE "api_keys"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "api_keys_live_last_used_idx" ON "api_keys" USING btree ("workspace_id",coalesce("last_used_at", '-infinity'::timestamptz),"id") WHERE "api_keys"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "api_keys_live_name_idx" ON "api_keys" USING btree ("workspace_id",lower("name"),"id") WHERE "api_keys"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "agents_live_name_idx" ON "agents" USING btree ("workspace_id",lower("name"),"id") WHERE "agents"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "memberships_workspace_created_idx" ON "memberships" USING btree ("workspace_id","created_at","user_id");
