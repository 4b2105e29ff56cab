DROP INDEX "customers_last_seen_idx";--> statement-breakpoint
DROP INDEX "customers_revenue_idx";--> statement-breakpoint
CREATE INDEX "customers_first_seen_idx" ON "customers" USING btree ("workspace_id","first_seen_at","id");--> statement-breakpoint
CREATE INDEX "customers_orders_idx" ON "customers" USING btree ("workspace_id","order_count","id");--> statement-breakpoint
CREATE INDEX "customers_last_seen_idx" ON "customers" USING btree ("workspace_id","last_seen_at","id");--> statement-breakpoint
CREATE INDEX "customers_revenue_idx" ON "customers" USING btree ("workspace_id","lifetime_revenue","id");