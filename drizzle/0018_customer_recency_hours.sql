-- Every ingest batch updates its customers' last_seen_at (and last_active_at for track/page/screen). With
-- those columns indexed, no such update could be HOT: each wrote a new row version and an entry into all eight
-- of the table's indexes (the primary key included) (a fifth of PostgreSQL's time under sustained ingest). The indexes now hold the hour
-- instead, which a live customer's updates leave unchanged for up to an hour, so PostgreSQL can rewrite the row
-- in place on the same page without touching any index. Queries add a range on the hour to reach the index and
-- keep their exact condition on the timestamp; the customer list orders by (hour, timestamp, id), the same
-- order as (timestamp, id), and sorts within an hour.
ALTER TABLE "customers" ADD COLUMN "last_seen_hour" timestamp with time zone GENERATED ALWAYS AS (date_bin('1 hour', "last_seen_at", timestamptz '2000-01-01 00:00:00+00')) STORED;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "last_active_hour" timestamp with time zone GENERATED ALWAYS AS (date_bin('1 hour', "last_active_at", timestamptz '2000-01-01 00:00:00+00')) STORED;--> statement-breakpoint
DROP INDEX IF EXISTS "customers_last_seen_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "customers_last_active_idx";--> statement-breakpoint
CREATE INDEX "customers_last_seen_hour_idx" ON "customers" USING btree ("workspace_id","last_seen_hour");--> statement-breakpoint
CREATE INDEX "customers_last_active_hour_idx" ON "customers" USING btree ("workspace_id","last_active_hour") WHERE "customers"."merged_into" is null;
