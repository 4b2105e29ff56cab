ALTER TABLE "customers" ADD COLUMN "last_active_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "customers_last_active_idx" ON "customers" USING btree ("workspace_id","last_active_at") WHERE "customers"."merged_into" is null;--> statement-breakpoint
-- Existing profiles get the value ingest keeps from now on (the same rule as refreshCustomerFacts).
UPDATE "customers" c SET "last_active_at" = (
  SELECT max(e."timestamp") FROM "events" e
  WHERE e."workspace_id" = c."workspace_id" AND e."customer_id" = c."id" AND e."type" IN ('track', 'page', 'screen')
) WHERE c."merged_into" IS NULL;
