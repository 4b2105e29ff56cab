ALTER TABLE "customers" ADD COLUMN "nps_score" smallint;--> statement-breakpoint
-- Existing profiles get the value ingest keeps from now on (the same rule as refreshCustomerFacts and the NPS
-- KPI: JSON numbers or numeric strings, whole numbers 0-10, the latest such answer).
UPDATE "customers" c SET "nps_score" = (
  SELECT s.score FROM "events" e
  CROSS JOIN LATERAL (SELECT CASE
    WHEN jsonb_typeof(e."properties" -> 'score') = 'number' THEN
      CASE WHEN abs((e."properties" ->> 'score')::numeric) < 1e12 THEN (e."properties" ->> 'score')::numeric END
    WHEN jsonb_typeof(e."properties" -> 'score') = 'string' AND (e."properties" ->> 'score') ~ '^\s*-?[0-9]{1,12}(\.[0-9]+)?\s*$' THEN
      trim(e."properties" ->> 'score')::numeric
  END AS score) s
  WHERE e."workspace_id" = c."workspace_id" AND e."customer_id" = c."id" AND e."type" = 'track'
    AND e."name" = 'NPS Submitted' AND s.score BETWEEN 0 AND 10 AND s.score = trunc(s.score)
  ORDER BY e."timestamp" DESC, e."id" DESC LIMIT 1
) WHERE c."merged_into" IS NULL;
