-- What the triggers on stock_level cost a reservation: one guarded-style UPDATE of 1,500 stock rows (a 500-order
-- batch's lines), with everything, without the rollup capture, without the ledger trigger, and with the ledger
-- trigger but only its two unique indexes. Each step is rolled back. Run on the bench database:
--   psql -h 127.0.0.1 -U postgres -f scripts/bench/trigger-cost.sql yipan_bench
\timing on
CREATE TEMP TABLE pairs AS SELECT location_id, sku_id FROM stock_level
  WHERE on_hand - reserved - safety_stock > 2 AND sku_id IN (SELECT sku_id FROM stock_rollup_sku ORDER BY atp DESC LIMIT 800)
  ORDER BY random() LIMIT 1500;
\echo '-- all triggers'
BEGIN;
SELECT set_config('yipan.movement', 'RESERVE', true), set_config('yipan.actor', 'bench', true), set_config('yipan.reason', 'x', true);
UPDATE stock_level sl SET reserved = reserved + 1 FROM pairs p WHERE sl.location_id = p.location_id AND sl.sku_id = p.sku_id;
ROLLBACK;
\echo '-- without the rollup capture'
BEGIN;
SELECT set_config('yipan.movement', 'RESERVE', true), set_config('yipan.actor', 'bench', true), set_config('yipan.reason', 'x', true);
ALTER TABLE stock_level DISABLE TRIGGER stock_level_rollup_update;
UPDATE stock_level sl SET reserved = reserved + 1 FROM pairs p WHERE sl.location_id = p.location_id AND sl.sku_id = p.sku_id;
ROLLBACK;
\echo '-- without the ledger trigger either'
BEGIN;
ALTER TABLE stock_level DISABLE TRIGGER stock_level_rollup_update;
ALTER TABLE stock_level DISABLE TRIGGER stock_level_ledger;
UPDATE stock_level sl SET reserved = reserved + 1 FROM pairs p WHERE sl.location_id = p.location_id AND sl.sku_id = p.sku_id;
ROLLBACK;
\echo '-- ledger trigger, only the ledger''s two unique indexes, no rollup capture'
BEGIN;
SELECT set_config('yipan.movement', 'RESERVE', true), set_config('yipan.actor', 'bench', true), set_config('yipan.reason', 'x', true);
ALTER TABLE stock_level DISABLE TRIGGER stock_level_rollup_update;
DROP INDEX stock_ledger_xid_idx, stock_ledger_created_at_idx, stock_ledger_reference_idx, stock_ledger_actor_id_idx,
  stock_ledger_sku_id_id_idx, stock_ledger_location_id_id_idx;
UPDATE stock_level sl SET reserved = reserved + 1 FROM pairs p WHERE sl.location_id = p.location_id AND sl.sku_id = p.sku_id;
ROLLBACK;
