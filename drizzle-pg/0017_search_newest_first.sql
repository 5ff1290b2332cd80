-- A search's newest matches, found window by window from the newest message back. Gathering every
-- match through the GIN index and sorting them read each matching row: for an everyday word at
-- 1M conversations, 100,000 rows and about 0.6 s. A window of the newest ids is intersected with
-- the GIN matches (a BitmapAnd of the two indexes), so only its rows are read; the next window is
-- eight times wider and only read when the newer ones held too few. Each window's statement is
-- planned for its bounds (plan_cache_mode = force_custom_plan on every connection).
CREATE FUNCTION "message_search_hits"(brand bigint, query tsquery, wanted int, first_width bigint DEFAULT 50000)
  RETURNS TABLE ("id" bigint, "conversation_id" bigint) LANGUAGE plpgsql STABLE ROWS 500 AS $$
DECLARE
  hi bigint;
  lo bigint;
  width bigint := first_width;
  found int := 0;
  n int;
BEGIN
  SELECT max(m."id") INTO hi FROM "messages" m;
  WHILE hi IS NOT NULL AND found < wanted LOOP
    lo := CASE WHEN hi - width > 0 THEN hi - width ELSE 0 END;
    RETURN QUERY SELECT m."id", m."conversation_id" FROM "messages" m
      WHERE m."brand_id" = brand AND m."id" > lo AND m."id" <= hi
        AND to_tsvector('replyhour_search', m."text") @@ query
      ORDER BY m."id" DESC LIMIT wanted - found;
    GET DIAGNOSTICS n = ROW_COUNT;
    found := found + n;
    EXIT WHEN lo = 0;
    hi := lo;
    width := width * 8;
  END LOOP;
END
$$;
