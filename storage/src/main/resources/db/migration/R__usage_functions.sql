-- The usage path's database functions. A repeatable migration: Flyway runs it again whenever its text
-- changes, after the versioned ones, so a change edits the function here (create or replace)
-- instead of copying it into a new V-file. A signature change must also drop the old one here.
-- Flyway also runs it when migrating only up to an earlier version (tests do, from V10 on), so it
-- must create cleanly on those schemas too: PL/pgSQL bodies are checked only when called.

-- Every SQL function's current definition lives in this file, but rp_place_table (V18), which later
-- V-files call before this file runs. Two were first created by versioned migrations (V8, V9),
-- which stay as history (Flyway checksums applied V-files, so they cannot change): their
-- definitions here replace those only once the V-file has run (a run up to an earlier version
-- skips them, so that V-file's own create still works afterwards). A change to any of them is made
-- here.
do $do$
begin
  if to_regprocedure('rp_expect_rows(bigint, bigint, text)') is not null then
    -- A held write that must change an exact number of rows is checked here, inside the round trip
    -- that sends it (storage/db/HeldWrites), so a wrong count aborts the transaction before COMMIT.
    execute $f$
      create or replace function rp_expect_rows(actual bigint, expected bigint, what text) returns bigint
        language plpgsql as $$
      begin
        if actual <> expected then
          raise exception '%: expected % row(s), changed %', what, expected, actual using errcode = 'P0001';
        end if;
        return actual;
      end
      $$
    $f$;
  end if;
  if to_regprocedure('workspaces_site_immutable()') is not null then
    -- A workspace stays on the site it was created on (the trigger itself is V8's).
    execute $f$
      create or replace function workspaces_site_immutable() returns trigger language plpgsql as $$
      begin
        if new.site_id <> old.site_id then
          raise exception 'workspace site cannot change';
        end if;
        return new;
      end
      $$
    $f$;
  end if;
end
$do$;

-- The burn-down order, written once, in rp_take_packages: usage of p_purpose draws from packages of
-- that purpose first, then GENERAL ones; earliest expiry first; then the oldest purchase; then the
-- package ID, so the order is total. Each purpose is one scan of the burn-down index (V19: packages
-- not exhausted, by product, region, purpose, expiry, purchase, ID) in index order, read as the loop
-- goes, so a caller that has enough stops having read only the packages it takes. Every path that
-- draws from or locks packages goes through it (the Java full path, the one-call path and CheckQuota),
-- so they all take package locks in this one order. (PL/pgSQL, not an SQL function: Citus plans a
-- PL/pgSQL statement on a distributed table, not a parameterized SQL function over one.)
drop function if exists rp_burn_down_key(text, text, timestamptz, timestamptz, text);
drop type if exists rp_burn_down_key;
drop function if exists rp_burn_down(text, text, text, text, timestamptz);

-- The packages that cover p_quantity, in burn-down order, as they are now: with p_lock each is
-- locked (FOR UPDATE, one at a time in that order, so concurrent usages queue instead of deadlocking)
-- and read again once locked, skipping one a concurrent usage emptied meanwhile. Stops at the first
-- package that completes the quantity; when they all fall short, returns every usable package.
create or replace function rp_take_packages(
    p_account_id text, p_product_id text, p_region_id text, p_purpose text, p_now timestamptz,
    p_quantity bigint, p_lock boolean)
  -- Planned to read in index order and stop early: without it the planner may sort a whole purpose's
  -- candidates (it plans a loop's query for all of its rows).
  returns setof packages language plpgsql set enable_sort = off as $$
declare
  drawn text;
  candidate packages;
  fresh packages;
  need bigint := p_quantity;
begin
  foreach drawn in array case when p_purpose = 'GENERAL' then array['GENERAL'] else array[p_purpose, 'GENERAL'] end loop
    for candidate in
      select * from packages k
       where k.account_id = p_account_id and k.product_id = p_product_id and k.region_id = p_region_id
         and k.purpose = drawn and not k.exhausted and k.expire_time > p_now
       order by k.expire_time, k.purchase_time, k.package_id
    loop
      if p_lock then
        select * into fresh from packages k
         where k.account_id = p_account_id and k.package_id = candidate.package_id
           for update;
        if fresh.exhausted then
          continue;
        end if;
      else
        fresh := candidate;
      end if;
      return next fresh;
      need := need - fresh.remaining_quantity;
      if need <= 0 then
        return;
      end if;
    end loop;
  end loop;
end
$$;

-- Remaining quantity and number of active packages (not exhausted, not expired at p_now) of an
-- account, per product and purpose; null filters match everything. Written once for every reader
-- (CheckQuota, GetPackageSummary, ListAlertSettings, the alert rule in Java and in
-- rp_record_covered_usages): the days after p_now's from package_balances (V19), p_now's own day from
-- the burn-down index, so it reads the days plans can last, not every package ever bought.
create or replace function rp_active_totals(
    p_account_id text, p_product_id text, p_region_id text, p_purpose text, p_now timestamptz)
  returns table (product_id text, purpose text, remaining bigint, packages bigint)
  -- PL/pgSQL: Citus plans its statement with the arguments; not an SQL function (see rp_take_packages).
  -- Planned for each call's filters (a generic plan would keep every "is null or" and read the
  -- account's every balance row).
  language plpgsql stable set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
begin
  return query
  select t.product_id, t.purpose, sum(t.remaining)::bigint, sum(t.packages)::bigint
    from (
      select b.product_id, b.purpose, b.remaining, b.packages::bigint as packages
        from package_balances b
       where b.account_id = p_account_id
         and (p_product_id is null or b.product_id = p_product_id)
         and (p_region_id is null or b.region_id = p_region_id)
         and (p_purpose is null or b.purpose = p_purpose)
         and b.expire_day > rp_expire_day(p_now)
      union all
      select k.product_id, k.purpose, k.remaining_quantity, 1::bigint
        from packages k
       where k.account_id = p_account_id and not k.exhausted
         and (p_product_id is null or k.product_id = p_product_id)
         and (p_region_id is null or k.region_id = p_region_id)
         and (p_purpose is null or k.purpose = p_purpose)
         and k.expire_time > p_now
         and k.expire_time < (rp_expire_day(p_now) + 1)::timestamp at time zone 'UTC'
    ) t
   group by t.product_id, t.purpose;
end
$$;

-- Everything CheckQuota decides from, in one call (SqlQuotaFactsRepository; the rules stay in
-- UsageService.check): whether the product and region exist, what the usable packages cover of
-- p_quantity (rp_take_packages, without locks), what they have left (rp_active_totals), whether
-- pay-as-you-go is active, the product's pay-as-you-go price for the purpose and the wallet. On
-- Citus it is distributed by p_account_id (below), so the coordinator hands the whole call to the
-- account's worker, where every statement inside reads local shards.
drop function if exists rp_quota_facts(text, text, text, text, bigint, timestamptz);
create function rp_quota_facts(
    p_account_id text, p_product_id text, p_region_id text, p_purpose text, p_quantity bigint, p_now timestamptz)
  returns table (product_exists boolean, region_exists boolean, taken bigint, remaining bigint, active boolean,
                 unit_price numeric, price_currency text, currency text, cash_balance numeric,
                 gift_balance numeric, credit_line numeric, credit_used numeric, update_time timestamptz)
  language plpgsql stable as $$
#variable_conflict use_column
-- One statement per fact: on a Citus worker, a statement on a shard cannot call a function that
-- reads another distributed table.
declare
  v_product boolean;
  v_region boolean;
  v_taken bigint;
  v_remaining bigint;
  v_active boolean;
  v_price product_pay_as_you_go_prices;
  v_wallet wallets;
begin
  v_product := exists (select 1 from products where product_id = p_product_id);
  v_region := exists (select 1 from regions where region_id = p_region_id);
  select coalesce(sum(k.remaining_quantity), 0) into v_taken
    from rp_take_packages(p_account_id, p_product_id, p_region_id, p_purpose, p_now, p_quantity, false) k;
  -- rp_active_totals' rule (the days after p_now's from package_balances, p_now's own day from the
  -- burn-down index) for CheckQuota's one filter shape, written out: with every filter given, the
  -- statement keeps one generic plan, where rp_active_totals plans its "is null or" filters on every
  -- call (custom plans), which was about half of this function's cost (docs/benchmark.md). It must
  -- stay what rp_active_totals answers: UsagePathsAgreeTest compares it with the packages of random
  -- layouts (expiring today, later, or already).
  select coalesce(sum(t.remaining), 0) into v_remaining
    from (
      select b.remaining
        from package_balances b
       where b.account_id = p_account_id and b.product_id = p_product_id and b.region_id = p_region_id
         and b.purpose in (p_purpose, 'GENERAL')
         and b.expire_day > rp_expire_day(p_now)
      union all
      select k.remaining_quantity
        from packages k
       where k.account_id = p_account_id and not k.exhausted
         and k.product_id = p_product_id and k.region_id = p_region_id and k.purpose in (p_purpose, 'GENERAL')
         and k.expire_time > p_now
         and k.expire_time < (rp_expire_day(p_now) + 1)::timestamp at time zone 'UTC'
    ) t;
  v_active := exists (select 1 from pay_as_you_go_activations a
                       where a.account_id = p_account_id and a.product_id = p_product_id
                         and a.region_id = p_region_id);
  select * into v_price from product_pay_as_you_go_prices p
   where p.product_id = p_product_id and p.purpose = p_purpose;
  select * into v_wallet from wallets w where w.account_id = p_account_id;
  return query select v_product, v_region, v_taken, v_remaining, v_active, v_price.unit_price, v_price.currency,
                      v_wallet.currency, v_wallet.cash_balance, v_wallet.gift_balance, v_wallet.credit_line,
                      v_wallet.credit_used, v_wallet.update_time;
end
$$;

-- Takes p_quantity from a package whose row this transaction has locked, keeping its exhausted
-- marker and its day's package_balances row (V19) in step: the one deduction, for the Java full
-- path (SqlPackageRepository.deduct sends the same two statements) and rp_record_covered_usages.
create or replace function rp_deduct(p_account_id text, p_package_id text, p_quantity bigint)
  returns void language plpgsql as $$
declare
  k packages;
begin
  update packages p
     set remaining_quantity = p.remaining_quantity - p_quantity,
         exhausted = (p.remaining_quantity - p_quantity = 0)
   where p.account_id = p_account_id and p.package_id = p_package_id
  returning * into k;
  update package_balances b
     set remaining = b.remaining - p_quantity, packages = b.packages - (case when k.exhausted then 1 else 0 end)
   where b.account_id = k.account_id and b.product_id = k.product_id and b.region_id = k.region_id
     and b.purpose = k.purpose and b.expire_day = rp_expire_day(k.expire_time);
end
$$;

-- package_balances of one account made again from its packages, with their markers (V19, V20):
-- after packages are written by hand (a data fix, the benchmark's package-count sweep). Usage of the
-- account must be stopped.
create or replace function rp_rebuild_package_balances(p_account_id text) returns void
  language plpgsql as $$
begin
  update packages set exhausted = (remaining_quantity = 0)
   where account_id = p_account_id and exhausted <> (remaining_quantity = 0);
  -- A package moved past its expiry again is no longer lapsed (V20); the expiry pass marks it.
  update packages set lapsed = false
   where account_id = p_account_id and lapsed and (exhausted or expire_time > now());
  delete from package_balances where account_id = p_account_id;
  insert into package_balances (account_id, product_id, region_id, purpose, expire_day, remaining, packages)
  select account_id, product_id, region_id, purpose, rp_expire_day(expire_time),
         sum(remaining_quantity), count(*) filter (where not exhausted)
    from packages
   where account_id = p_account_id
   group by account_id, product_id, region_id, purpose, rp_expire_day(expire_time);
end
$$;

-- What the two functions below answer, one row per item, written once. Their return type was a
-- table of these columns before; a return type cannot change in place, so both are dropped and made
-- again whenever this file runs.
do $$
begin
  if not exists (select 1 from pg_type where typname = 'rp_usage_outcome') then
    create type rp_usage_outcome as (
      item integer, outcome text, fingerprint bytea,
      account_id text, usage_id text, request_id text, product_id text, purpose text, region_id text,
      quantity bigint, package_quantity bigint, pay_as_you_go_quantity bigint, currency text,
      pay_as_you_go_unit_price numeric, pay_as_you_go_charge numeric, record_time timestamptz,
      deduction_package_ids text[], deduction_quantities bigint[], deduction_remaining_after bigint[],
      deduction_purposes text[]);
  end if;
end
$$;
drop function if exists rp_record_account_usages(text, text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[]);
drop function if exists rp_record_covered_usages(text[], text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[]);

-- RecordUsage in one database call when packages alone cover it, for a batch of concurrent requests
-- at a time (docs/benchmark.md, steps 9 to 11). Parallel arrays, item n of each; one row out per
-- item, in order. Per item it follows the full path of domain/quota/UsageService:
--   1. lock the usable packages in burn-down order (rp_take_packages) until they cover the quantity
--      and plan the deductions; short: NOT_COVERED;
--   2. for each purpose drawn from, lock its alert setting, if any; if the remaining quantity the
--      alert rule compares (active packages of that product and purpose, every region) would make
--      it change state (an alert to queue, or a re-arm): NOT_COVERED;
--   3. insert the usage record, unless the account's request ID already has one (a concurrent
--      insert of it is waited for) or is another mutation's (in idempotency_records): outcome
--      CLAIMED, with the first record and its request's fingerprint (null columns for another
--      mutation's ID), nothing else done;
--   4. deduct: RECORDED.
-- A NOT_COVERED item wrote nothing: the caller runs it through the full path in Java (pay-as-you-go,
-- QUOTA_EXHAUSTED, alerts, and the retry of a request whose packages ran out since). Each statement
-- takes its own snapshot (READ COMMITTED), so alert settings and usage records are read after the
-- package locks are held, as in the Java path, and a duplicate that waited for those locks finds
-- the first record. The caller orders items by account and puts one (product, region, purpose) per
-- account in a batch; every lock an item takes (packages, alert settings, its request ID) belongs to
-- its account, so concurrent batches take their locks in one order.
create function rp_record_covered_usages(
    p_account_ids text[], p_request_ids text[], p_fingerprints bytea[], p_usage_ids text[], p_product_ids text[],
    p_purposes text[], p_region_ids text[], p_quantities bigint[], p_currencies text[], p_nows timestamptz[])
  returns setof rp_usage_outcome
  language plpgsql as $$
#variable_conflict use_column
declare
  n integer;
  j integer;
  need bigint;
  take bigint;
  pkg record;
  ids text[];
  quantities bigint[];
  remaining_after bigint[];
  purposes text[];
  drawn text;
  setting record;
  left_over bigint;
  left_to_full_path boolean;
begin
  for n in 1 .. coalesce(cardinality(p_request_ids), 0) loop
    need := p_quantities[n];
    ids := '{}';
    quantities := '{}';
    remaining_after := '{}';
    purposes := '{}';
    for pkg in
      select k.package_id, k.purpose, k.remaining_quantity
        from rp_take_packages(p_account_ids[n], p_product_ids[n], p_region_ids[n], p_purposes[n], p_nows[n],
                              need, true) k
    loop
      take := least(need, pkg.remaining_quantity);
      ids := ids || pkg.package_id;
      quantities := quantities || take;
      remaining_after := remaining_after || (pkg.remaining_quantity - take);
      purposes := purposes || pkg.purpose;
      need := need - take;
      exit when need = 0;
    end loop;
    left_to_full_path := need > 0;
    for drawn in select distinct d from unnest(purposes) as d where not left_to_full_path loop
      select s.threshold, s.state into setting
        from alert_settings s
       where s.account_id = p_account_ids[n] and s.product_id = p_product_ids[n] and s.purpose = drawn
         for update;
      if found then
        select coalesce(sum(t.remaining), 0) into left_over
          from rp_active_totals(p_account_ids[n], p_product_ids[n], null, drawn, p_nows[n]) t;
        select left_over - coalesce(sum(d.q), 0) into left_over
          from unnest(purposes, quantities) as d(p, q)
         where d.p = drawn;
        if (setting.state = 'ARMED' and left_over < setting.threshold)
           or (setting.state = 'TRIGGERED' and left_over >= setting.threshold) then
          left_to_full_path := true;
          exit;
        end if;
      end if;
    end loop;
    if left_to_full_path then
      return query select n, 'NOT_COVERED'::text, null::bytea, null, null, null, null, null, null, null::bigint,
                          null::bigint, null::bigint, null, null::numeric, null::numeric, null::timestamptz,
                          null::text[], null::bigint[], null::bigint[], null::text[];
      continue;
    end if;

    -- Another mutation's request ID: CLAIMED with no record. Checked before the insert, not in an
    -- INSERT ... SELECT: Citus plans that on the coordinator (two hops) and miscounts its rows.
    if exists (select 1 from idempotency_records c where c.scope = p_account_ids[n] and c.request_id = p_request_ids[n]) then
      return query select n, 'CLAIMED'::text, null::bytea, null, null, null, null, null, null, null::bigint,
                          null::bigint, null::bigint, null, null::numeric, null::numeric, null::timestamptz,
                          null::text[], null::bigint[], null::bigint[], null::text[];
      continue;
    end if;
    insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                               package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                               pay_as_you_go_charge, record_time,
                               deduction_package_ids, deduction_quantities, deduction_remaining_after,
                               deduction_purposes, fingerprint)
    values (p_account_ids[n], p_usage_ids[n], p_request_ids[n], p_product_ids[n], p_purposes[n], p_region_ids[n],
            p_quantities[n], p_quantities[n], 0, p_currencies[n], null::numeric, 0, p_nows[n], ids, quantities,
            remaining_after, purposes, p_fingerprints[n])
    on conflict (account_id, request_id) do nothing;
    if not found then
      -- The first record of this request ID (a concurrent insert of it was waited for).
      return query select n, 'CLAIMED'::text, u.fingerprint,
                          u.account_id, u.usage_id, u.request_id, u.product_id, u.purpose, u.region_id,
                          u.quantity, u.package_quantity, u.pay_as_you_go_quantity, u.currency,
                          u.pay_as_you_go_unit_price, u.pay_as_you_go_charge, u.record_time,
                          u.deduction_package_ids, u.deduction_quantities, u.deduction_remaining_after,
                          u.deduction_purposes
                     from usage_records u
                    where u.account_id = p_account_ids[n] and u.request_id = p_request_ids[n];
      continue;
    end if;

    for j in 1 .. cardinality(ids) loop
      perform rp_deduct(p_account_ids[n], ids[j], quantities[j]);
    end loop;
    return query select n, 'RECORDED'::text, p_fingerprints[n],
                        p_account_ids[n], p_usage_ids[n], p_request_ids[n], p_product_ids[n], p_purposes[n],
                        p_region_ids[n], p_quantities[n], p_quantities[n], 0::bigint, p_currencies[n],
                        null::numeric, 0::numeric, p_nows[n], ids, quantities, remaining_after, purposes;
  end loop;
end
$$;

-- rp_record_covered_usages for the requests of one account, named by the first argument. On Citus
-- (V18, docs/scaling.md) this function is distributed by that argument, co-located with accounts: the
-- coordinator delegates the whole call to the worker holding the account's shards, where every
-- statement inside runs on local shards, so a batch is still one round trip from the server (and one
-- more hop). Called on a coordinator with the multi-account function instead, each statement inside
-- would be a round trip of its own to a worker. On plain PostgreSQL it only forwards.
create function rp_record_account_usages(
    p_account_id text, p_request_ids text[], p_fingerprints bytea[], p_usage_ids text[], p_product_ids text[],
    p_purposes text[], p_region_ids text[], p_quantities bigint[], p_currencies text[], p_nows timestamptz[])
  returns setof rp_usage_outcome
  language plpgsql as $$
begin
  return query select * from rp_record_covered_usages(
      array_fill(p_account_id, array[coalesce(cardinality(p_request_ids), 0)]), p_request_ids, p_fingerprints,
      p_usage_ids, p_product_ids, p_purposes, p_region_ids, p_quantities, p_currencies, p_nows);
end
$$;

do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    perform create_distributed_function(
        'rp_record_account_usages(text, text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[])',
        'p_account_id', colocate_with => 'accounts');
    perform create_distributed_function(
        'rp_quota_facts(text, text, text, text, bigint, timestamptz)', 'p_account_id', colocate_with => 'accounts');
  end if;
end
$$;

-- CheckQuota for concurrent requests in one call (storage/quota/BatchingQuotaFactsReader): item n of
-- each array is one request, answered as rp_quota_facts answers it alone, with its position n. A
-- read takes no locks, so the items need no order; each statement inside still takes its own
-- snapshot, as separate calls would. Plain PostgreSQL only: on Citus each request stays one call of
-- rp_quota_facts, which the coordinator delegates to the request's account's worker.
drop function if exists rp_quota_facts_many(text[], text[], text[], text[], bigint[], timestamptz[]);
create function rp_quota_facts_many(
    p_account_ids text[], p_product_ids text[], p_region_ids text[], p_purposes text[], p_quantities bigint[],
    p_nows timestamptz[])
  returns table (n integer, product_exists boolean, region_exists boolean, taken bigint, remaining bigint,
                 active boolean, unit_price numeric, price_currency text, currency text, cash_balance numeric,
                 gift_balance numeric, credit_line numeric, credit_used numeric, update_time timestamptz)
  language plpgsql stable as $$
declare
  i integer;
begin
  for i in 1 .. coalesce(cardinality(p_account_ids), 0) loop
    return query select i, f.* from rp_quota_facts(p_account_ids[i], p_product_ids[i], p_region_ids[i], p_purposes[i],
                                                   p_quantities[i], p_nows[i]) f;
  end loop;
end
$$;
