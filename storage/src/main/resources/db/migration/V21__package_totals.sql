-- Remaining quantities in a bounded number of rows, whatever the account's packages (issue 18).
-- V19's package_balances kept one row per account, product, region, purpose and UTC day of expiry,
-- so a reader added up every future day (hundreds of rows on an account with a year of packages:
-- GetPackageSummary grew 2x from 1k to 1M packages). package_totals keeps one row per account,
-- product, region and purpose: what every package not yet marked lapsed (V20) has left, and how
-- many of those are not exhausted. What is left at a time t is then that row less the packages past
-- their expiry at t that the expiry pass has not marked yet (an index of just those, V20's
-- packages_live_by_expiry): the pass runs every minute, so they are the last minute's.
--
-- Writers keep it in the same transaction as the packages: a new package adds to it
-- (SqlPackageRepository.insert), a deduction takes from it (rp_deduct, and the Java full path's
-- SqlPackageRepository.deduct) unless the package is already lapsed, and the expiry pass takes what a
-- package has left when it marks it lapsed (SqlPackageRepository.markLapsed), so a package counts
-- until the pass decides it expired, on every replica alike. rp_rebuild_package_totals makes the
-- rows again from the packages (after rows are written by hand).

-- On Citus (V18), the table created below after writes to every shard needs those writes on one
-- connection per node.
do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    set local citus.multi_shard_modify_mode = 'sequential';
  end if;
end
$$;

create table package_totals (
  account_id  text not null,
  product_id  text not null,
  region_id   text not null,
  purpose     text not null,
  remaining   bigint not null check (remaining >= 0),
  packages    integer not null check (packages >= 0),
  primary key (account_id, product_id, region_id, purpose)
);

insert into package_totals (account_id, product_id, region_id, purpose, remaining, packages)
select account_id, product_id, region_id, purpose,
       coalesce(sum(remaining_quantity) filter (where not lapsed), 0),
       count(*) filter (where not exhausted and not lapsed)
  from packages
 group by account_id, product_id, region_id, purpose;

select rp_place_table('package_totals', true);

drop table package_balances;
-- Today's part of the account-wide remaining came from it; the pass's backlog uses
-- packages_live_by_expiry (V20).
drop index packages_unexhausted_by_expiry;
