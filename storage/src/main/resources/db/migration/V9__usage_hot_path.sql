-- The usage hot path. It changes one column of one package row per message: remaining_quantity. While
-- an index mentions that column (here, in the predicates "where remaining_quantity > 0"), every
-- deduction is a non-HOT update that writes a new entry into each of the table's indexes. Without
-- such predicates, and with free space left in each page, a deduction is a HOT update that writes
-- no index at all. Exhausted packages are then still in these indexes; the queries filter them.

-- Served by packages_usable's leading columns (account, product, region).
drop index packages_with_quota;

drop index packages_usable;
create index packages_usable on packages (account_id, product_id, region_id, purpose, expire_time, purchase_time, package_id);

drop index packages_expiring;
create index packages_expiring on packages (expire_time, account_id, package_id);

-- Room on each page for the new row versions of HOT updates (applies to pages written from now on).
alter table packages set (fillfactor = 80);

-- The foreign key from a usage record to its account made every message take a KEY SHARE lock on
-- the account's row; concurrent messages of one account then share it through a MultiXact, which
-- is slow under load. Accounts are never deleted, and a usage record is only written for the
-- calling account after its packages were read and locked, so the key adds no protection here.
alter table usage_records drop constraint usage_records_account_id_fkey;

-- A usage record's package deductions move into the record itself, as three parallel arrays in
-- burn-down order: one heap row per message instead of two, and no per-deduction index entries or
-- key checks. The deductions are an audit trail (the answer to the request is stored with its
-- idempotency record); nothing looks a deduction up by package.
alter table usage_records
  add column deduction_package_ids     text[] not null default '{}',
  add column deduction_quantities      bigint[] not null default '{}',
  add column deduction_remaining_after bigint[] not null default '{}';

-- Burn-down drains every package but the last to 0, so remaining_after orders them.
update usage_records r
   set deduction_package_ids     = d.package_ids,
       deduction_quantities      = d.quantities,
       deduction_remaining_after = d.remaining_after
  from (select account_id, usage_id,
               array_agg(package_id order by remaining_after, package_id) as package_ids,
               array_agg(quantity order by remaining_after, package_id) as quantities,
               array_agg(remaining_after order by remaining_after, package_id) as remaining_after
          from usage_deductions
         group by account_id, usage_id) d
 where r.account_id = d.account_id and r.usage_id = d.usage_id;

alter table usage_records
  add constraint usage_records_deductions_parallel check (
    cardinality(deduction_quantities) = cardinality(deduction_package_ids)
    and cardinality(deduction_remaining_after) = cardinality(deduction_package_ids)),
  add constraint usage_records_deductions_positive check (
    0 < all (deduction_quantities) and 0 <= all (deduction_remaining_after));

drop table usage_deductions;

-- Held writes (storage/db/Sql) are sent in one round trip with the transaction's COMMIT; a write
-- that must change an exact number of rows is checked here, inside that batch, so a wrong count
-- aborts the transaction before COMMIT runs.
create function rp_expect_rows(actual bigint, expected bigint, what text) returns bigint
  language plpgsql as $$
begin
  if actual <> expected then
    raise exception '%: expected % row(s), changed %', what, expected, actual using errcode = 'P0001';
  end if;
  return actual;
end
$$;
