-- ListPackages by status at any number of packages (issue 18). A package's status is derived from
-- its row and the account's time: EXHAUSTED (nothing left), else EXPIRED (past expiry), else
-- ACTIVE. Newest purchase first, a page of the exhausted or of the live ones comes from an index of
-- just those (the exhausted marker is V19's). EXPIRED needs the time: packages.lapsed marks a
-- package the expiry pass (ExpiryReminderService, every replica, real-time accounts only: a test
-- clock keeps its own time) found past its expiry. So EXPIRED = lapsed (an index newest first) plus
-- the few that expired since the last pass (an index by expiry), merged; ACTIVE = live and not
-- lapsed, past-expiry ones filtered out. The marker changes once in a package's life, so usage stays
-- HOT (V9).
do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    set local citus.multi_shard_modify_mode = 'sequential';
  end if;
end
$$;

alter table packages add column lapsed boolean not null default false;
update packages p set lapsed = true
 where not p.exhausted and p.expire_time <= now()
   and p.account_id in (select a.account_id from accounts a where a.test_clock_id is null);

create index packages_listing_exhausted on packages (account_id, purchase_time desc, package_id desc) where exhausted;
create index packages_listing_live on packages (account_id, purchase_time desc, package_id desc)
  where not exhausted and not lapsed;
create index packages_listing_lapsed on packages (account_id, purchase_time desc, package_id desc)
  where lapsed and not exhausted;
-- Live packages by expiry: those that expired since the last pass (ListPackages EXPIRED).
create index packages_live_by_expiry on packages (account_id, expire_time) where not exhausted and not lapsed;
-- The expiry pass's own look-up, across accounts: only packages not yet marked.
create index packages_lapse_due on packages (expire_time) where not exhausted and not lapsed;
