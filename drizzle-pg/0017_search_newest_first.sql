-- The brand joins the text in the search index (btree_gin), as brand_id is a column of SQLite's
-- FTS5 table: a search reads its own brand's matches only, not every brand's (a word common in one
-- brand and absent from another cost the other a read of every match).
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
DROP INDEX "messages_search";
--> statement-breakpoint
CREATE INDEX "messages_search" ON "messages" USING gin ("brand_id", to_tsvector('replyhour_search', "text"));
--> statement-breakpoint
-- A search's newest matches, window by window from the newest message back. Gathering every
-- match through the index and sorting them read and rechecked each matching row: for an everyday
-- word at 1M conversations, 30,000 rows and over a second. A window of the newest ids is
-- intersected with the index's matches (a BitmapAnd with the primary key), so only its rows are
-- read; the next window is sized from the rate of matches seen, and a rare word, whose few
-- matches are cheap to read, gathers every older match at once. JIT and parallel workers cost
-- more than these short statements take.
CREATE FUNCTION "message_search_hits"(brand bigint, query tsquery, wanted int, first_width bigint DEFAULT 50000)
  RETURNS TABLE ("id" bigint, "conversation_id" bigint) LANGUAGE plpgsql STABLE ROWS 500
  SET jit = off SET max_parallel_workers_per_gather = 0 AS $$
DECLARE
  hi bigint;
  width bigint := first_width;
  found int := 0;
  n int;
BEGIN
  SELECT max(m."id") INTO hi FROM "messages" m;
  -- Windows while the matches are dense enough that one of at most 8 times the first width is
  -- likely to hold the rest; then every older match at once.
  WHILE hi IS NOT NULL AND found < wanted AND hi - width > 0 AND width <= 8 * first_width LOOP
    RETURN QUERY SELECT m."id", m."conversation_id" FROM "messages" m
      WHERE m."brand_id" = brand AND m."id" > hi - width AND m."id" <= hi
        AND to_tsvector('replyhour_search', m."text") @@ query
      ORDER BY m."id" + 0 DESC LIMIT wanted - found;
    GET DIAGNOSTICS n = ROW_COUNT;
    found := found + n;
    hi := hi - width;
    -- the next window: 1.5 times what the rate seen so far needs for the rest
    width := CASE WHEN n = 0 THEN 9 * first_width ELSE ceil(1.5 * width * (wanted - found) / n) END;
  END LOOP;
  IF hi IS NOT NULL AND found < wanted THEN
    RETURN QUERY SELECT m."id", m."conversation_id" FROM "messages" m
      WHERE m."brand_id" = brand AND m."id" + 0 <= hi
        AND to_tsvector('replyhour_search', m."text") @@ query
      ORDER BY m."id" + 0 DESC LIMIT wanted - found;
  END IF;
END
$$;
