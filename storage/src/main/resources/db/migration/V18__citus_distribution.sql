-- Scale-out on Citus (docs/scaling.md): when the database is a Citus coordinator (the citus
-- extension is installed), every per-account table is distributed by account_id, co-located with
-- accounts, and the catalog and the vendor side become reference tables (a copy on every node).
-- On plain PostgreSQL this migration does nothing.
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
    perform create_reference_table(t);
  end loop;
  perform create_distributed_table('accounts', 'account_id');
  foreach t in array account_tables[2:] loop
    perform create_distributed_table(t, case t when 'idempotency_records' then 'scope' else 'account_id' end,
                                     colocate_with => 'accounts');
  end loop;

  for fk in select * from rp_foreign_keys where conname <> all (enforced_by_application) loop
    execute format('alter table %I add constraint %I %s', fk.table_name, fk.conname, fk.definition);
  end loop;
end
$citus$;
