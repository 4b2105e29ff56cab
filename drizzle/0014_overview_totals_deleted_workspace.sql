-- Deleting a workspace cascades to customer_daily_activity, whose delete trigger (0012) then added the negated
-- sums for a workspace that no longer exists and failed its foreign key: a workspace with activity could not be
-- deleted. Its totals are deleted by the same cascade, so rows of a workspace that is gone are skipped.
CREATE OR REPLACE FUNCTION "workspace_daily_totals_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO workspace_daily_totals AS t (workspace_id, day, shard, events, orders, revenue)
	SELECT d.workspace_id, d.day, (pg_backend_pid() % 16)::smallint, -sum(d.event_count), -sum(d.order_count), -sum(d.revenue)
	FROM deleted_rows d
	WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
	GROUP BY d.workspace_id, d.day ORDER BY d.workspace_id, d.day
	ON CONFLICT (workspace_id, day, shard) DO UPDATE SET
		events = t.events + excluded.events, orders = t.orders + excluded.orders, revenue = t.revenue + excluded.revenue;
	RETURN NULL;
END $$;
