CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"voice" text NOT NULL,
	"first_message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_type" text NOT NULL,
	"created_by_id" text,
	"created_by_label" text NOT NULL,
	"updated_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"agent_id" uuid,
	"transient_agent" jsonb,
	"to_number" text NOT NULL,
	"from_number" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ringing_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"api_key_id" uuid,
	"api_key_name" text
);
--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "allow_transient_agents" SET DEFAULT false;--> statement-breakpoint
-- Hand-edited: the unused text[] placeholder becomes per-resource scopes. Every existing key could
-- do everything, so each gets Full access; transient agents were never a choice, so off.
ALTER TABLE "api_keys" ALTER COLUMN "permissions" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "permissions" SET DATA TYPE jsonb USING '{"agents":"write","calls":"write","api_keys":"write"}'::jsonb;--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "permissions" SET DEFAULT '{"agents":"write","calls":"write","api_keys":"write"}'::jsonb;--> statement-breakpoint
UPDATE "api_keys" SET "allow_transient_agents" = false;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "allowed_ips" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "rolled_to_id" uuid;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "disable_unused_keys_after_days" integer;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agents_workspace_created_idx" ON "agents" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_workspace_created_idx" ON "calls" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_workspace_agent_created_idx" ON "calls" USING btree ("workspace_id","agent_id","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_agent_id_idx" ON "calls" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "calls_api_key_id_idx" ON "calls" USING btree ("api_key_id");