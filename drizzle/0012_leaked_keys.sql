-- Leaked keys (README "Leaked keys"): a key found in public is disabled and flagged with when, where
-- and by whom it was reported. Written by hand beside db/schema.ts. The partial index serves the
-- API Keys page's banner, which lists a workspace's leaked keys that are still live.
ALTER TABLE "api_keys" ADD COLUMN "leaked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "leaked_where" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "leaked_source" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_leaked_check" CHECK (("leaked_at" is null) = ("leaked_source" is null) and ("leaked_source" is null or "leaked_source" in ('github', 'report')));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "api_keys_live_leaked_idx" ON "api_keys" USING btree ("workspace_id","leaked_at") WHERE "api_keys"."leaked_at" is not null and "api_keys"."revoked_at" is null;
