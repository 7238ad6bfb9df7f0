-- Stock rollup capture per statement instead of per row: a 500-order batch reserves ≈ 1,500 stock rows in one
-- UPDATE, and a PL/pgSQL insert per row cost ≈ 15 µs each (≈ 20–28 ms of the batch); one INSERT … SELECT from the
-- statement's transition tables does the same work in a few. Same pending rows, same figures (lib/server/stock-sql.ts).
-- Old and new sides are captured separately and summed per stock level, so a statement that changes a row's key
-- (a location id cascading) is still exact; rows whose figures did not change add nothing.
DROP TRIGGER stock_level_rollup ON stock_level;
DROP TRIGGER stock_level_rollup_update ON stock_level;
DROP FUNCTION stock_rollup_capture();

CREATE FUNCTION stock_rollup_capture_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('yipan.rollup_capture', true) IS NOT DISTINCT FROM 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stock_rollup_pending (location_id, sku_id, on_hand, reserved, atp, stock_outs, below_safety)
    SELECT location_id, sku_id, on_hand, reserved, GREATEST(0, on_hand - reserved - safety_stock),
           (on_hand - reserved <= 0)::int, (on_hand - reserved > 0 AND on_hand - reserved < safety_stock)::int
    FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stock_rollup_pending (location_id, sku_id, on_hand, reserved, atp, stock_outs, below_safety)
    SELECT location_id, sku_id, -on_hand, -reserved, -GREATEST(0, on_hand - reserved - safety_stock),
           -(on_hand - reserved <= 0)::int, -(on_hand - reserved > 0 AND on_hand - reserved < safety_stock)::int
    FROM old_rows;
  ELSE
    INSERT INTO stock_rollup_pending (location_id, sku_id, on_hand, reserved, atp, stock_outs, below_safety)
    SELECT location_id, sku_id, SUM(d_on), SUM(d_res), SUM(d_atp), SUM(d_out), SUM(d_below)
    FROM (
      SELECT location_id, sku_id, on_hand AS d_on, reserved AS d_res, GREATEST(0, on_hand - reserved - safety_stock) AS d_atp,
             (on_hand - reserved <= 0)::int AS d_out, (on_hand - reserved > 0 AND on_hand - reserved < safety_stock)::int AS d_below
      FROM new_rows
      UNION ALL
      SELECT location_id, sku_id, -on_hand, -reserved, -GREATEST(0, on_hand - reserved - safety_stock),
             -(on_hand - reserved <= 0)::int, -(on_hand - reserved > 0 AND on_hand - reserved < safety_stock)::int
      FROM old_rows
    ) d
    GROUP BY location_id, sku_id
    HAVING (SUM(d_on), SUM(d_res), SUM(d_atp), SUM(d_out), SUM(d_below)) <> (0, 0, 0, 0, 0);
  END IF;
  RETURN NULL;
END
$$;

-- AFTER, not BEFORE: only rows really written count (ON CONFLICT DO NOTHING skips fire BEFORE triggers too).
-- One trigger per event: a trigger with transition tables may name only one.
CREATE TRIGGER stock_level_rollup_insert AFTER INSERT ON stock_level
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_rollup_capture_rows();
CREATE TRIGGER stock_level_rollup_update AFTER UPDATE ON stock_level
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_rollup_capture_rows();
CREATE TRIGGER stock_level_rollup_delete AFTER DELETE ON stock_level
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_rollup_capture_rows();
