ALTER TABLE "memberships" ADD COLUMN "onboarding_dismissed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "first_request_at" timestamp with time zone;--> statement-breakpoint
-- Workspaces whose keys were already used have made their first request: their checklist is done.
UPDATE "workspaces" w SET "first_request_at" = k.first_used
FROM (SELECT "workspace_id", min("last_used_at") AS first_used FROM "api_keys" WHERE "last_used_at" IS NOT NULL GROUP BY "workspace_id") k
WHERE k."workspace_id" = w."id";
