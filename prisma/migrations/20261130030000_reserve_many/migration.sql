-- reserve_many: many reservations (a batch of orders' shipments) in one round trip, each through reserve_stock —
-- the same primitive, guard, idempotency and ledger entries as a single reservation. Every stock row of the
-- batch is locked first, in (location_id, sku_id) order, so a batch cannot deadlock with other lock takers.
-- p_items: [{"key": …, "reference": …, "lines": [[location_id, sku_id, quantity], …]}, …], each item's lines
-- merged and sorted. Returns reserve_stock's outcome per item, in order.
CREATE FUNCTION reserve_many(p_actor text, p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  item jsonb;
  outcomes jsonb := '[]'::jsonb;
BEGIN
  PERFORM 1 FROM stock_level sl
    JOIN (SELECT DISTINCT (l->>0)::int AS location_id, (l->>1)::int AS sku_id
          FROM jsonb_array_elements(p_items) i, jsonb_array_elements(i->'lines') l) t USING (location_id, sku_id)
    ORDER BY location_id, sku_id FOR UPDATE OF sl;
  FOR item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    outcomes := outcomes || jsonb_build_array(reserve_stock(
      item->>'key', p_actor, item->>'reference',
      ARRAY(SELECT (l->>0)::int FROM jsonb_array_elements(item->'lines') WITH ORDINALITY AS x(l, n) ORDER BY n),
      ARRAY(SELECT (l->>1)::int FROM jsonb_array_elements(item->'lines') WITH ORDINALITY AS x(l, n) ORDER BY n),
      ARRAY(SELECT (l->>2)::int FROM jsonb_array_elements(item->'lines') WITH ORDINALITY AS x(l, n) ORDER BY n)));
  END LOOP;
  RETURN outcomes;
END
$$;
