-- Who created a key: a person or an API key (the management API), with its id and a label
-- copied as it was. Every key so far was created by a person: its label is their email.
ALTER TABLE "api_keys" ADD COLUMN "created_by_type" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "created_by_key_id" uuid;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "created_by_label" text;--> statement-breakpoint
UPDATE "api_keys" SET "created_by_type" = 'user', "created_by_label" = "created_by_email";--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "created_by_type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "created_by_label" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" DROP COLUMN "created_by_email";--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"response_status" integer,
	"response_body" jsonb,
	"withheld_key_id" uuid,
	CONSTRAINT "idempotency_keys_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
-- Paginated tables keep created_at to the millisecond, the precision of a cursor (README "API").
ALTER TABLE "agents" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "calls" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;
