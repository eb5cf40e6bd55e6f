-- Scale-out on Citus (docs/scaling.md): when the database is a Citus coordinator (the citus
-- extension is installed), every per-account table is distributed by account_id, co-located with
-- accounts, and the catalog and the vendor side become reference tables (a copy on every node).
-- On plain PostgreSQL this migration only creates rp_place_table, which does nothing there.
--
-- Citus keeps a foreign key only where both rows are on one node: distributed -> reference,
-- reference -> reference, and distributed -> distributed when the key includes account_id. So every
-- foreign key is dropped, the tables are placed, and the keys are added back, except three from a
-- reference table to a distributed one, which the application enforces instead:
--   billing_accounts.cloud_account_id -> accounts, verification_codes.cloud_account_id -> accounts,
--   workspaces.instance_id -> marketplace_instances.
-- A unique constraint of a distributed table must include account_id: instance IDs stay unique
-- across accounts by their generation (random, as every ID here) instead of by the dropped
-- marketplace_instances_instance_id_key.

-- How a table is placed on Citus, for this migration and every later one that creates a table
-- (docs/architecture.md, "Adding a table"): by account, co-located with accounts (distribution
-- column account_id unless named), or as a reference table (a copy on every node). Nothing on plain
-- PostgreSQL. Here, not in R__usage_functions.sql: repeatable migrations run after the versioned
-- ones, too late for a later V-file to call it.
create function rp_place_table(p_table regclass, p_by_account boolean, p_column text default 'account_id')
  returns void language plpgsql as $$
begin
  if not exists (select 1 from pg_extension where extname = 'citus') then
    return;
  end if;
  if not p_by_account then
    perform create_reference_table(p_table);
  elsif p_table = 'accounts'::regclass then
    perform create_distributed_table(p_table, p_column);
  else
    perform create_distributed_table(p_table, p_column, colocate_with => 'accounts');
  end if;
end
$$;

do $citus$
declare
  fk record;
  t text;
  reference_tables text[] := array[
    'regions', 'products', 'product_pay_as_you_go_prices', 'plan_specs', 'plan_spec_tiers',
    'plan_spec_purpose_prices', 'plan_spec_purpose_tiers', 'terms_versions', 'test_clocks',
    'vendor_sites', 'vendor_users', 'billing_accounts', 'workspaces', 'verification_codes',
    'login_attempts'];
  -- accounts first: the others are co-located with it.
  account_tables text[] := array[
    'accounts', 'sub_users', 'api_keys', 'idempotency_records', 'identity_verifications',
    'terms_acceptances', 'pay_as_you_go_activations', 'wallets', 'ledger_entries', 'vouchers',
    'orders', 'packages', 'usage_records', 'alert_settings', 'internal_messages',
    'notification_outbox', 'notification_settings', 'notification_attempts', 'marketplace_instances',
    'login_tickets'];
  enforced_by_application text[] := array[
    'billing_accounts_cloud_account_id_fkey', 'verification_codes_cloud_account_id_fkey',
    'workspaces_instance_id_fkey'];
begin
  if not exists (select 1 from pg_extension where extname = 'citus') then
    return;
  end if;
  -- workspaces_site_immutable compares only the row's own columns: safe on every copy.
  set local citus.enable_unsafe_triggers = on;
  -- Distributing the tables moves their rows; one transaction keeps that all or nothing.
  set local citus.multi_shard_modify_mode = 'sequential';

  create temporary table rp_foreign_keys on commit drop as
    select c.conname, c.conrelid::regclass::text as table_name, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
     where c.contype = 'f' and c.connamespace = 'public'::regnamespace;
  for fk in select * from rp_foreign_keys loop
    execute format('alter table %I drop constraint %I', fk.table_name, fk.conname);
  end loop;
  alter table marketplace_instances drop constraint marketplace_instances_instance_id_key;

  foreach t in array reference_tables loop
    perform rp_place_table(t::regclass, false);
  end loop;
  foreach t in array account_tables loop
    perform rp_place_table(t::regclass, true, case t when 'idempotency_records' then 'scope' else 'account_id' end);
  end loop;

  for fk in select * from rp_foreign_keys where conname <> all (enforced_by_application) loop
    execute format('alter table %I add constraint %I %s', fk.table_name, fk.conname, fk.definition);
  end loop;
end
$citus$;
