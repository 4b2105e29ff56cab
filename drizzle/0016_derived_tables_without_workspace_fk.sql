-- The four per-customer rollups that ingest writes a row into for nearly every event lose their foreign key to
-- workspaces: PostgreSQL checks it row by row (about 6 µs each, a third of a narrow insert), and ingest already
-- holds the workspace row (KEY SHARE, lib/ingest/store.ts) for the whole transaction, so a workspace cannot go
-- away under a batch. Deleting a workspace clears them through the trigger below instead of the cascade.
ALTER TABLE "customer_daily_activity" DROP CONSTRAINT "customer_daily_activity_workspace_id_workspaces_id_fk";--> statement-breakpoint
ALTER TABLE "customer_period_activity" DROP CONSTRAINT "customer_period_activity_workspace_id_workspaces_id_fk";--> statement-breakpoint
ALTER TABLE "customer_event_facts" DROP CONSTRAINT "customer_event_facts_workspace_id_workspaces_id_fk";--> statement-breakpoint
ALTER TABLE "customer_event_periods" DROP CONSTRAINT "customer_event_periods_workspace_id_workspaces_id_fk";--> statement-breakpoint
-- AFTER the workspace row is gone, so the daily totals trigger (0014) skips the rows it deletes, as it does
-- for the cascade.
CREATE OR REPLACE FUNCTION "workspace_rollups_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM customer_daily_activity WHERE workspace_id = OLD.id;
	DELETE FROM customer_period_activity WHERE workspace_id = OLD.id;
	DELETE FROM customer_event_facts WHERE workspace_id = OLD.id;
	DELETE FROM customer_event_periods WHERE workspace_id = OLD.id;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "workspace_rollups_deleted" AFTER DELETE ON "workspaces"
	FOR EACH ROW EXECUTE FUNCTION "workspace_rollups_deleted"();
