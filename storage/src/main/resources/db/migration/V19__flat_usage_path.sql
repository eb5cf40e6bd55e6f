-- The usage path at any number of packages per account (issue 18). Two changes keep every call of
-- the path reading bounded data, whatever the account's history holds:
--
-- 1. packages.exhausted marks a package with nothing left. The burn-down index holds only packages
--    that are not exhausted, so looking for quota walks neither spent packages nor (by the
--    expire_time range) expired ones, and stops at the first packages that cover the request. The
--    marker changes once in a package's life; a deduction that does not empty the package changes
--    no indexed value and stays a HOT update (V9). The check constraint keeps it exact: a writer
--    that forgets it fails.
-- 2. package_balances keeps, per account, product, region, purpose and UTC day of expiry, what the
--    packages expiring that day have left and how many are not exhausted. Remaining quantities
--    (CheckQuota, GetPackageSummary, the alert rule, QUOTA_EXHAUSTED's "available") add up the
--    days after today from it, and today's packages from the burn-down index: bounded by the days
--    a plan can last, not by the packages ever bought. Every writer of packages keeps it in the
--    same statement or transaction (SqlPackageRepository, rp_record_covered_usages);
--    rp_rebuild_package_balances makes it again from the packages (after rows are written by hand).

-- On Citus (V18), the function and the table created below after writes to every shard need those
-- writes on one connection per node.
do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    set local citus.multi_shard_modify_mode = 'sequential';
  end if;
end
$$;

alter table packages add column exhausted boolean not null default false;
update packages set exhausted = true where remaining_quantity = 0;
alter table packages add constraint packages_exhausted_marks_empty check (exhausted = (remaining_quantity = 0));

drop index packages_usable;
create index packages_burn_down on packages (account_id, product_id, region_id, purpose, expire_time, purchase_time, package_id)
  where not exhausted;
-- Today's part of the account-wide remaining (GetPackageSummary) without a product.
create index packages_unexhausted_by_expiry on packages (account_id, expire_time) where not exhausted;

-- The UTC day a package expires on: the unit of package_balances.
create function rp_expire_day(expire_time timestamptz) returns date
  language sql immutable parallel safe as $$ select (expire_time at time zone 'UTC')::date $$;

create table package_balances (
  account_id  text not null,
  product_id  text not null,
  region_id   text not null,
  purpose     text not null,
  expire_day  date not null,
  remaining   bigint not null check (remaining >= 0),
  packages    integer not null check (packages >= 0),
  primary key (account_id, product_id, region_id, purpose, expire_day)
);

insert into package_balances (account_id, product_id, region_id, purpose, expire_day, remaining, packages)
select account_id, product_id, region_id, purpose, rp_expire_day(expire_time),
       sum(remaining_quantity), count(*) filter (where not exhausted)
  from packages
 group by account_id, product_id, region_id, purpose, rp_expire_day(expire_time);

-- The days after today of an account whatever the product (GetPackageSummary, the alert rule across
-- regions): past days are never read.
create index package_balances_by_day on package_balances (account_id, expire_day);

select rp_place_table('package_balances', true);
