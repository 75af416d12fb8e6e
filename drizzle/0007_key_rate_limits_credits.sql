-- Per-key rate limits and call credits. Every column is nullable and has no default: keys made
-- before this migration get no rate limit and unlimited credits, so no live integration breaks
-- (new keys get 50 requests/s with a burst of 100 from lib/services/api-keys.ts, not from here).
ALTER TABLE "api_keys" ADD COLUMN "rate_limit_per_second" integer;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "rate_limit_burst" integer;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_remaining" integer;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_refill_amount" integer;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_refill_interval" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_refilled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_rate_limit_check" CHECK (("api_keys"."rate_limit_per_second" is null) = ("api_keys"."rate_limit_burst" is null) and ("api_keys"."rate_limit_per_second" is null or ("api_keys"."rate_limit_per_second" > 0 and "api_keys"."rate_limit_burst" >= 0)));--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_credits_check" CHECK (("api_keys"."credits_remaining" is null or "api_keys"."credits_remaining" >= 0) and ("api_keys"."credits_refill_amount" is null) = ("api_keys"."credits_refill_interval" is null) and ("api_keys"."credits_refill_amount" is null or ("api_keys"."credits_remaining" is not null and "api_keys"."credits_refill_amount" > 0 and "api_keys"."credits_refill_interval" in ('day', 'month'))));