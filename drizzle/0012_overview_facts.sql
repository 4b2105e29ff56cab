CREATE TABLE "customer_engagement" (
	"workspace_id" uuid NOT NULL,
	"customer_id" bigint NOT NULL,
	"signed_up_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"step_at" timestamp with time zone[] NOT NULL,
	"feature_at" timestamp with time zone[] NOT NULL,
	CONSTRAINT "customer_engagement_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "nps_answers" (
	"workspace_id" uuid NOT NULL,
	"customer_id" bigint NOT NULL,
	"event_id" bigint NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"score" smallint NOT NULL,
	CONSTRAINT "nps_answers_workspace_id_customer_id_event_id_pk" PRIMARY KEY("workspace_id","customer_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "workspace_daily_totals" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"shard" smallint NOT NULL,
	"events" bigint NOT NULL,
	"orders" bigint NOT NULL,
	"revenue" numeric NOT NULL,
	CONSTRAINT "workspace_daily_totals_workspace_id_day_shard_pk" PRIMARY KEY("workspace_id","day","shard")
);
--> statement-breakpoint
ALTER TABLE "customer_engagement" ADD CONSTRAINT "customer_engagement_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_answers" ADD CONSTRAINT "nps_answers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_daily_totals" ADD CONSTRAINT "workspace_daily_totals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_engagement_signed_up_idx" ON "customer_engagement" USING btree ("workspace_id","signed_up_at");--> statement-breakpoint
-- The NPS KPI reads a period's answers from this index alone (an index-only scan once vacuumed).
CREATE INDEX "nps_answers_answered_idx" ON "nps_answers" USING btree ("workspace_id","answered_at") INCLUDE ("customer_id","event_id","score");--> statement-breakpoint
-- Workspace totals per local day follow customer_daily_activity through statement triggers: one aggregate of
-- the statement's changed rows, upserted into the writing connection's shard (backend pid mod 16) so that
-- concurrent ingest transactions do not queue on one row per day until they commit. Sorted upserts keep two
-- writers that share a shard from deadlocking.
CREATE FUNCTION "workspace_daily_totals_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO workspace_daily_totals AS t (workspace_id, day, shard, events, orders, revenue)
	SELECT workspace_id, day, (pg_backend_pid() % 16)::smallint, sum(event_count), sum(order_count), sum(revenue)
	FROM inserted_rows GROUP BY workspace_id, day ORDER BY workspace_id, day
	ON CONFLICT (workspace_id, day, shard) DO UPDATE SET
		events = t.events + excluded.events, orders = t.orders + excluded.orders, revenue = t.revenue + excluded.revenue;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "workspace_daily_totals_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO workspace_daily_totals AS t (workspace_id, day, shard, events, orders, revenue)
	SELECT workspace_id, day, (pg_backend_pid() % 16)::smallint, -sum(event_count), -sum(order_count), -sum(revenue)
	FROM deleted_rows GROUP BY workspace_id, day ORDER BY workspace_id, day
	ON CONFLICT (workspace_id, day, shard) DO UPDATE SET
		events = t.events + excluded.events, orders = t.orders + excluded.orders, revenue = t.revenue + excluded.revenue;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "workspace_daily_totals_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO workspace_daily_totals AS t (workspace_id, day, shard, events, orders, revenue)
	SELECT workspace_id, day, (pg_backend_pid() % 16)::smallint, sum(events), sum(orders), sum(revenue)
	FROM (
		SELECT workspace_id, day, event_count AS events, order_count AS orders, revenue FROM new_rows
		UNION ALL
		SELECT workspace_id, day, -event_count, -order_count, -revenue FROM old_rows
	) changes
	GROUP BY workspace_id, day ORDER BY workspace_id, day
	ON CONFLICT (workspace_id, day, shard) DO UPDATE SET
		events = t.events + excluded.events, orders = t.orders + excluded.orders, revenue = t.revenue + excluded.revenue;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "workspace_daily_totals_insert" AFTER INSERT ON "customer_daily_activity"
	REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION "workspace_daily_totals_inserted"();--> statement-breakpoint
CREATE TRIGGER "workspace_daily_totals_delete" AFTER DELETE ON "customer_daily_activity"
	REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT EXECUTE FUNCTION "workspace_daily_totals_deleted"();--> statement-breakpoint
CREATE TRIGGER "workspace_daily_totals_update" AFTER UPDATE ON "customer_daily_activity"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "workspace_daily_totals_updated"();--> statement-breakpoint
INSERT INTO "workspace_daily_totals" (workspace_id, day, shard, events, orders, revenue)
SELECT workspace_id, day, 0, sum(event_count), sum(order_count), sum(revenue)
FROM "customer_daily_activity" GROUP BY workspace_id, day;--> statement-breakpoint
-- Existing answers, by the rule ingest keeps from now on (lib/metrics/facts/nps.ts, the NPS KPI's: JSON numbers
-- or numeric strings, whole numbers 0-10, on track events named NPS Submitted of customers not merged away).
INSERT INTO "nps_answers" (workspace_id, customer_id, event_id, answered_at, score)
SELECT e."workspace_id", e."customer_id", e."id", e."timestamp", s.score::smallint
FROM "workspaces" w
JOIN "events" e ON e."workspace_id" = w."id" AND e."name" = 'NPS Submitted' AND e."type" = 'track'
JOIN "customers" c ON c."workspace_id" = e."workspace_id" AND c."id" = e."customer_id" AND c."merged_into" IS NULL
CROSS JOIN LATERAL (SELECT CASE
	WHEN jsonb_typeof(e."properties" -> 'score') = 'number' THEN
		CASE WHEN abs((e."properties" ->> 'score')::numeric) < 1e12 THEN (e."properties" ->> 'score')::numeric END
	WHEN jsonb_typeof(e."properties" -> 'score') = 'string' AND (e."properties" ->> 'score') ~ '^\s*-?[0-9]{1,12}(\.[0-9]+)?\s*$' THEN
		trim(e."properties" ->> 'score')::numeric
END AS score) s
WHERE s.score BETWEEN 0 AND 10 AND s.score = trunc(s.score);
--> statement-breakpoint
-- Order KPIs read a period's orders by time and need only customer, revenue and discount: carried in the index,
-- an index-only scan instead of one table row per order (165,000 rows for the 12-week trend at 10M events).
DROP INDEX "customer_orders_at_idx";--> statement-breakpoint
CREATE INDEX "customer_orders_at_idx" ON "customer_orders" USING btree ("workspace_id","at") INCLUDE ("customer_id","revenue","discount");
