-- Accepted batches are split by customer into lanes (lib/ingest/inbox/lanes.ts) so two drain loops can store
-- them in parallel without waiting on each other's customer row locks.
ALTER TABLE "ingest_inbox" ADD COLUMN "lane" smallint DEFAULT 0 NOT NULL;
