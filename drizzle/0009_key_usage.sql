CREATE TABLE "key_rejections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_rejections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"api_key_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"outcome" text NOT NULL,
	"ip" text,
	"origin" text,
	"path" text NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "key_usage" (
	"workspace_id" uuid NOT NULL,
	"api_key_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "key_usage_api_key_id_bucket_start_outcome_pk" PRIMARY KEY("api_key_id","bucket_start","outcome")
);
--> statement-breakpoint
CREATE TABLE "key_usage_daily" (
	"workspace_id" uuid NOT NULL,
	"api_key_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "key_usage_daily_api_key_id_bucket_start_outcome_pk" PRIMARY KEY("api_key_id","bucket_start","outcome")
);
--> statement-breakpoint
ALTER TABLE "key_rejections" ADD CONSTRAINT "key_rejections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_rejections" ADD CONSTRAINT "key_rejections_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_usage" ADD CONSTRAINT "key_usage_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_usage" ADD CONSTRAINT "key_usage_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_usage_daily" ADD CONSTRAINT "key_usage_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_usage_daily" ADD CONSTRAINT "key_usage_daily_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_rejections_api_key_at_idx" ON "key_rejections" USING btree ("api_key_id","at");--> statement-breakpoint
CREATE INDEX "key_rejections_workspace_id_idx" ON "key_rejections" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "key_usage_workspace_bucket_idx" ON "key_usage" USING btree ("workspace_id","bucket_start");--> statement-breakpoint
CREATE INDEX "key_usage_daily_workspace_bucket_idx" ON "key_usage_daily" USING btree ("workspace_id","bucket_start");