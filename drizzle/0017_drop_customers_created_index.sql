-- Nothing pages customers by created_at any more (the trait value sample reads the newest ids), and every
-- ingest batch's facts update, which is never HOT, inserted into this index: profiles created by one batch share
-- its transaction's timestamp, so the entries piled onto a few long posting lists.
DROP INDEX IF EXISTS "customers_created_idx";
