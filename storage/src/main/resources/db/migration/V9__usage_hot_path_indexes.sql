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
