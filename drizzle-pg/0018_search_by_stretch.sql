-- Search terms tagged with the message's brand and stretch of ids (65,536 ids: id >> 16), so that
-- a prefix search reads one brand's newest stretches only. A prefix match gathers every matching
-- entry of the index before anything else narrows it: with the text alone (0017) an everyday
-- prefix gathered all of its 26,000 matches at 1M conversations, 30-40 ms whatever the window.
-- Lexemes keep their positions (phrases match as before); one longer than 500 characters is cut
-- there, as a tagged lexeme must stay under the 2,047-byte limit.
CREATE FUNCTION "message_search_terms"(brand bigint, id bigint, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    '''' || replace(replace(brand || '.' || (id >> 16) || '.' || left(t.lexeme, 500), '\', '\\'), '''', '''''') || ''''
      || coalesce(':' || array_to_string(t.positions, ','), ''), ' '), '')::tsvector
  FROM unnest(to_tsvector('replyhour_search', body)) t
$$;
--> statement-breakpoint
-- A query's lexemes tagged for one brand and stretch, as message_search_terms tags the text.
CREATE FUNCTION "message_search_stretch_query"(brand bigint, stretch bigint, query tsquery) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(query::text, '''((?:[^'']|'''')*)''', '''' || brand || '.' || stretch || '.\1''', 'g')::tsquery
$$;
--> statement-breakpoint
DROP INDEX "messages_search";
--> statement-breakpoint
CREATE INDEX "messages_search" ON "messages" USING gin (message_search_terms("brand_id", "id", "text")) WITH (gin_pending_list_limit = 256);
--> statement-breakpoint
DROP FUNCTION "message_search_hits"(bigint, tsquery, int, bigint);
--> statement-breakpoint
-- A search's newest matches, from the newest message back: first the newest 65,536 ids' stretches,
-- then as many older stretches at once as the rate of matches seen says the rest needs (1.5
-- times), eight times as many after a stretch without one. Each step reads only the matches of
-- its own stretches.
CREATE FUNCTION "message_search_hits"(brand bigint, query tsquery, wanted int, first_ids bigint DEFAULT 65536)
  RETURNS TABLE ("id" bigint, "conversation_id" bigint) LANGUAGE plpgsql STABLE ROWS 500
  SET jit = off SET max_parallel_workers_per_gather = 0 AS $$
DECLARE
  hi bigint;
  lo bigint;
  width bigint := greatest(first_ids, 1);
  found int := 0;
  n int;
  q tsquery;
BEGIN
  SELECT max(m."id") INTO hi FROM "messages" m;
  WHILE hi IS NOT NULL AND hi >= 0 AND found < wanted LOOP
    lo := greatest(hi - width + 1, 0);
    q := NULL;
    FOR s IN REVERSE hi >> 16 .. lo >> 16 LOOP
      q := CASE WHEN q IS NULL THEN message_search_stretch_query(brand, s, query) ELSE q || message_search_stretch_query(brand, s, query) END;
    END LOOP;
    lo := (lo >> 16) << 16;
    -- "+ 0": a filter, not a second index to intersect with
    RETURN QUERY SELECT m."id", m."conversation_id" FROM "messages" m
      WHERE message_search_terms(m."brand_id", m."id", m."text") @@ q AND m."id" + 0 <= hi
      ORDER BY m."id" + 0 DESC LIMIT wanted - found;
    GET DIAGNOSTICS n = ROW_COUNT;
    found := found + n;
    width := CASE WHEN n = 0 THEN 8 * (hi - lo + 1) ELSE ceil(1.5 * (hi - lo + 1) * (wanted - found) / n) END;
    hi := lo - 1;
  END LOOP;
END
$$;
