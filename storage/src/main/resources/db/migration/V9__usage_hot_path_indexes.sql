-- The usage hot path changes one column of one package row per message: remaining_quantity. While
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
