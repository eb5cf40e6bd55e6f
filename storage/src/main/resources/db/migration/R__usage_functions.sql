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
-- (Locking in the loop's own query was measured slower: its cursor fetches and locks rows ahead.)
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
    if p_lock then
      -- The common case in one statement: the purpose's first package covers what is left to take.
      -- A package a concurrent usage emptied meanwhile fails FOR UPDATE's re-check and the next one
      -- is taken; with none of the purpose, the next purpose.
      select * into fresh from packages k
       where k.account_id = p_account_id and k.product_id = p_product_id and k.region_id = p_region_id
         and k.purpose = drawn and not k.exhausted and k.expire_time > p_now
       order by k.expire_time, k.purchase_time, k.package_id
       limit 1
         for update;
      if not found then
        continue;
      end if;
      if fresh.remaining_quantity >= need then
        return next fresh;
        return;
      end if;
    end if;
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
-- rp_record_covered_usages): the account's package_totals rows (V21: every package not marked
-- lapsed) less the packages past their expiry at p_now that the expiry pass has not marked yet, so it
-- reads a row per product, region and purpose and the last minute's expiries, not every package
-- ever bought nor every day plans can last.
create or replace function rp_active_totals(
    p_account_id text, p_product_id text, p_region_id text, p_purpose text, p_now timestamptz)
  returns table (product_id text, purpose text, remaining bigint, packages bigint)
  -- PL/pgSQL: Citus plans its statement with the arguments; not an SQL function (see rp_take_packages).
  -- Planned for each call's filters (a generic plan would keep every "is null or" and read the
  -- account's every totals row).
  language plpgsql stable set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
begin
  return query
  select t.product_id, t.purpose, sum(t.remaining)::bigint, sum(t.packages)::bigint
    from (
      select b.product_id, b.purpose, b.remaining, b.packages::bigint as packages
        from package_totals b
       where b.account_id = p_account_id
         and (p_product_id is null or b.product_id = p_product_id)
         and (p_region_id is null or b.region_id = p_region_id)
         and (p_purpose is null or b.purpose = p_purpose)
      union all
      select k.product_id, k.purpose, -k.remaining_quantity, -1::bigint
        from packages k
       where k.account_id = p_account_id and not k.exhausted and not k.lapsed
         and (p_product_id is null or k.product_id = p_product_id)
         and (p_region_id is null or k.region_id = p_region_id)
         and (p_purpose is null or k.purpose = p_purpose)
         and k.expire_time <= p_now
    ) t
   group by t.product_id, t.purpose;
end
$$;

-- Everything CheckQuota decides from, in one call (SqlQuotaFactsRepository; the rules stay in
-- UsageService.check): whether the product and region exist, what the usable packages cover of
-- p_quantity ("taken": p_quantity or more when they cover it, else what they all have), what they
-- have left, whether pay-as-you-go is active, the product's pay-as-you-go price for the purpose and
-- the wallet. On Citus it is distributed by p_account_id (below), so the coordinator hands the whole
-- call to the account's worker, where every statement inside reads local shards.
-- All but "taken" are one statement (a statement per fact measured 12,700 calls/s of the function on
-- the database alone, this one 19,400: docs/benchmark.md, session 17). "taken" needs no read when
-- what is left covers p_quantity: the usable packages rp_take_packages walks (not exhausted, expiring
-- after p_now) are every package "remaining" counts and maybe more (lapsed early by a replica whose
-- clock is ahead, which RecordUsage may still draw from), so they cover it too; otherwise the walk in
-- burn-down order, as RecordUsage takes them, decides (its own statement: on a Citus worker, a
-- statement on a shard cannot call a function that reads another distributed table). A usage
-- committed between the two reads can make them disagree, as it could change the answer just after
-- it anyway: CheckQuota is a forecast. rp_quota_facts_many writes this statement out again (see there).
drop function if exists rp_quota_facts(text, text, text, text, bigint, timestamptz);
create function rp_quota_facts(
    p_account_id text, p_product_id text, p_region_id text, p_purpose text, p_quantity bigint, p_now timestamptz)
  returns table (product_exists boolean, region_exists boolean, taken bigint, remaining bigint, active boolean,
                 unit_price numeric, price_currency text, currency text, cash_balance numeric,
                 gift_balance numeric, credit_line numeric, credit_used numeric, update_time timestamptz)
  language plpgsql stable as $$
#variable_conflict use_column
begin
  select exists (select 1 from products where product_id = p_product_id),
         exists (select 1 from regions where region_id = p_region_id),
         -- rp_active_totals' rule (package_totals less the packages past expiry the pass has not
         -- marked) for CheckQuota's one filter shape, written out: with every filter given, the
         -- statement keeps one generic plan, where rp_active_totals plans its "is null or" filters on
         -- every call (custom plans), which was about half of this function's cost. It must stay what
         -- rp_active_totals answers: UsagePathsAgreeTest compares it with the packages of random
         -- layouts (expiring today, later, or already, marked lapsed or not).
         (select coalesce(sum(t.remaining), 0)
            from (
              select b.remaining
                from package_totals b
               where b.account_id = p_account_id and b.product_id = p_product_id and b.region_id = p_region_id
                 and b.purpose in (p_purpose, 'GENERAL')
              union all
              select -k.remaining_quantity
                from packages k
               where k.account_id = p_account_id and not k.exhausted and not k.lapsed
                 and k.product_id = p_product_id and k.region_id = p_region_id and k.purpose in (p_purpose, 'GENERAL')
                 and k.expire_time <= p_now
            ) t)::bigint,
         exists (select 1 from pay_as_you_go_activations a
                  where a.account_id = p_account_id and a.product_id = p_product_id and a.region_id = p_region_id),
         p.unit_price, p.currency,
         w.currency, w.cash_balance, w.gift_balance, w.credit_line, w.credit_used, w.update_time
    into product_exists, region_exists, remaining, active, unit_price, price_currency,
         currency, cash_balance, gift_balance, credit_line, credit_used, update_time
    from (select) one
    left join product_pay_as_you_go_prices p on p.product_id = p_product_id and p.purpose = p_purpose
    left join wallets w on w.account_id = p_account_id;
  if remaining >= p_quantity then
    taken := p_quantity;
  else
    select coalesce(sum(k.remaining_quantity), 0) into taken
      from rp_take_packages(p_account_id, p_product_id, p_region_id, p_purpose, p_now, p_quantity, false) k;
  end if;
  return next;
end
$$;

-- Takes p_quantity from a package whose row this transaction has locked, keeping its exhausted
-- marker and its package_totals row (V21) in step: the one deduction, for the Java full path
-- (SqlPackageRepository.deduct calls it) and rp_record_covered_usages. A package the expiry pass
-- has marked lapsed is no longer in its total (the pass took what it had left), so its deduction
-- leaves the total alone: a usage whose time was just before the expiry may still draw from it,
-- after the pass on a replica whose clock is ahead. A package that is not there is an error (P0001),
-- never a deduction of nothing.
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
  if not found then
    raise exception 'rp_deduct: no package % of account %', p_package_id, p_account_id;
  end if;
  update package_totals b
     set remaining = b.remaining - (case when k.lapsed then 0 else p_quantity end),
         packages = b.packages - (case when k.exhausted and not k.lapsed then 1 else 0 end)
   where b.account_id = k.account_id and b.product_id = k.product_id and b.region_id = k.region_id
     and b.purpose = k.purpose;
end
$$;

-- package_totals of one account made again from its packages, with their markers (V19, V20, V21):
-- after packages are written by hand (a data fix, the benchmark's package-count sweep). Usage of the
-- account must be stopped. Packages past expiry that are not marked lapsed count until the expiry
-- pass marks them (rp_active_totals takes them off), so rows written by hand need not be marked.
drop function if exists rp_rebuild_package_balances(text);
create or replace function rp_rebuild_package_totals(p_account_id text) returns void
  language plpgsql as $$
begin
  update packages set exhausted = (remaining_quantity = 0)
   where account_id = p_account_id and exhausted <> (remaining_quantity = 0);
  -- A package moved past its expiry again is no longer lapsed (V20); the expiry pass marks it.
  update packages set lapsed = false
   where account_id = p_account_id and lapsed and (exhausted or expire_time > now());
  delete from package_totals where account_id = p_account_id;
  insert into package_totals (account_id, product_id, region_id, purpose, remaining, packages)
  select account_id, product_id, region_id, purpose,
         coalesce(sum(remaining_quantity) filter (where not lapsed), 0),
         count(*) filter (where not exhausted and not lapsed)
    from packages
   where account_id = p_account_id
   group by account_id, product_id, region_id, purpose;
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
      deduction_purposes text[], tag text);
  elsif not exists (select 1 from pg_attribute a join pg_type t on t.typrelid = a.attrelid
                     where t.typname = 'rp_usage_outcome' and a.attname = 'tag' and not a.attisdropped) then
    -- The request's campaign tag (V23), added to a type made before it (its functions are dropped below).
    drop function if exists rp_record_account_usages(text, text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[], timestamptz);
    drop function if exists rp_record_covered_usages(text[], text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[], timestamptz);
    alter type rp_usage_outcome add attribute tag text;
  end if;
end
$$;
drop function if exists rp_record_account_usages(text, text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[]);
drop function if exists rp_record_covered_usages(text[], text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[]);
drop function if exists rp_record_account_usages(text, text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[], timestamptz);
drop function if exists rp_record_covered_usages(text[], text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[], timestamptz);
drop function if exists rp_record_account_usages(text, text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[], timestamptz, text[]);
drop function if exists rp_record_covered_usages(text[], text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[], timestamptz, text[]);

-- A resource ID as domain/common/Ids makes them (a prefix, '-', 16 characters of [0-9a-z], about 82
-- random bits), for the rows the one-call path writes that Java did not name beforehand: the ledger
-- entries of a pay-as-you-go charge, whose number (one to three) only the wallet split decides.
-- gen_random_uuid draws from the same strong source as pgcrypto; the version and variant bits are
-- skipped and bytes of 252 and above rejected, so every character is equally likely.
create or replace function rp_new_id(p_prefix text) returns text language plpgsql volatile as $$
declare
  alphabet constant text := '0123456789abcdefghijklmnopqrstuvwxyz';
  id text := p_prefix || '-';
  bytes bytea;
  b integer;
  i integer;
begin
  while length(id) < length(p_prefix) + 17 loop
    bytes := uuid_send(gen_random_uuid());
    foreach i in array array[0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15] loop
      b := get_byte(bytes, i);
      if b < 252 and length(id) < length(p_prefix) + 17 then
        id := id || substr(alphabet, 1 + b % 36, 1);
      end if;
    end loop;
  end loop;
  return id;
end
$$;

drop function if exists rp_alert_would_change(text, text, timestamptz, text[], bigint[]);

-- RecordUsage in one database call when it needs no refusal and no alert, for a batch of requests
-- at a time: concurrent RecordUsage calls (BatchingCoveredUsageRecorder) or one RecordUsages call.
-- Parallel arrays, item n of each; one row out per item, in order; p_paid_at is the server's time
-- for wallet and ledger rows (WalletService stamps them with it, not with a test clock's); p_tags
-- the requests' campaign tags (null: none). Each item
-- is decided as the full path of domain/quota/UsageService would decide it alone, in order:
--   1. plan the deductions from the usable packages in burn-down order (rp_take_packages);
--   2. the rest, if any, is pay-as-you-go: active for the product and region, at the product's
--      price for the purpose in the settlement currency, charged (rounded half up to cents) to the
--      wallet; otherwise NOT_COVERED (the full path refuses it: QUOTA_EXHAUSTED);
--   3. claim the request ID: insert the usage record, unless the account's request ID already has
--      one (a concurrent insert of it is waited for) or is another mutation's (in
--      idempotency_records): outcome CLAIMED, with the first record and its request's fingerprint
--      (null columns for another mutation's ID), nothing else done;
--   4. with a charge, lock the wallet; if it cannot pay (gift + cash + unused credit): NOT_COVERED
--      (the full path refuses it: INSUFFICIENT_BALANCE);
--   5. for each purpose drawn from, lock its alert setting, if any; if the remaining quantity the
--      alert rule compares (active packages of the product and purpose, every region) would make
--      it change state (an alert to queue, or a re-arm): NOT_COVERED (the full path does that);
--      so is an item that would empty a package (step 1: the full path writes the
--      package.exhausted event);
--   6. pay from gift, then cash, then unused credit (WalletService.pay: one ledger entry per
--      balance used); deduct: RECORDED. The record's funding trace is its deduction arrays and
--      pay-as-you-go columns, and one usage_package_draws row per package it drew from (V23),
--      written for the whole run when it ends, as SqlUsageRepository writes the full path's.
-- An item left to the full path at step 4 or 5 has its claim deleted again: a NOT_COVERED item
-- changed nothing. The locks come in the full path's order: packages, the request ID, the wallet,
-- alert settings.
--
-- Consecutive items of one account, product, region and purpose are a run, decided together as
-- they would be one after another, with less work per item: the run locks the packages it may draw
-- from once (rp_take_packages for the run's whole quantity, at the run's earliest time; an item
-- skips the packages expired at its own time), plans each item from them in memory, looks up the
-- pay-as-you-go facts and each alert setting once, and deducts each package once when the run ends
-- (rp_deduct). Until then the packages and package_totals
-- rows hold what they held before the run, so the alert rule takes the run's earlier deductions off
-- what rp_active_totals reads. An item the run's packages may no longer cover (packages skipped for
-- its later time) ends the run and is decided again alone. A run's locks are those its items would
-- take one by one (at most a few packages more), in the same order.
--
-- Each statement takes its own snapshot (READ COMMITTED), so alert settings, usage records and the
-- wallet are read after the package locks are held, as in the Java path, and a duplicate that
-- waited for those locks finds the first record. The caller orders items by account; every lock an
-- item takes belongs to its account, so concurrent batches take their locks in one order.
-- UsagePathsAgreeTest (one item) and UsagesBatchAgreeTest (runs) compare this with the full path on
-- random states.
create function rp_record_covered_usages(
    p_account_ids text[], p_request_ids text[], p_fingerprints bytea[], p_usage_ids text[], p_product_ids text[],
    p_purposes text[], p_region_ids text[], p_quantities bigint[], p_currencies text[], p_nows timestamptz[],
    p_paid_at timestamptz, p_tags text[])
  returns setof rp_usage_outcome
  language plpgsql as $$
#variable_conflict use_column
declare
  total constant integer := coalesce(cardinality(p_request_ids), 0);
  run_first integer := 1;
  run_last integer;
  alone boolean := false;
  again integer;
  account text;
  n integer;
  i integer;
  j integer;
  slot integer;
  need bigint;
  take bigint;
  pkg record;
  -- The run's packages, locked, in burn-down order: what is left of each after the run's recorded
  -- items, and what they took (deducted when the run ends).
  run_ids text[];
  run_purposes text[];
  run_expiries timestamptz[];
  run_left bigint[];
  run_taken bigint[];
  run_all boolean;
  earliest timestamptz;
  payg_read boolean;
  payg_active boolean;
  price product_pay_as_you_go_prices;
  setting record;
  alert_purposes text[];
  alert_thresholds bigint[];
  alert_states text[];
  alert_bases bigint[];
  alert_base_times timestamptz[];
  -- One item's plan: packages (by position in the run's), quantities, remaining after, purposes.
  positions integer[];
  ids text[];
  quantities bigint[];
  remaining_after bigint[];
  purposes text[];
  drawn text;
  seen text[];
  left_over bigint;
  alert_changes boolean;
  unit_price numeric;
  charge numeric;
  w wallets;
  from_gift numeric;
  from_cash numeric;
  from_credit numeric;
  answer rp_usage_outcome;
  not_covered rp_usage_outcome;
  claimed_by_other rp_usage_outcome;
  -- Claims of a run held back to one insert at its end (below), and whether this run does so.
  on_citus constant boolean := exists (select 1 from pg_extension where extname = 'citus');
  claims_at_end boolean;
  run_requests text[];
  held_claims rp_usage_outcome[];
  inserted bigint;
  -- The run's usage_package_draws rows (V23), inserted when it ends.
  draw_packages text[];
  draw_usages text[];
  draw_times timestamptz[];
  draw_quantities bigint[];
begin
  while run_first <= total loop
    account := p_account_ids[run_first];
    run_last := run_first;
    while not alone and run_last < total and p_account_ids[run_last + 1] = account
          and p_product_ids[run_last + 1] = p_product_ids[run_first] and p_region_ids[run_last + 1] = p_region_ids[run_first]
          and p_purposes[run_last + 1] = p_purposes[run_first] loop
      run_last := run_last + 1;
    end loop;
    alone := false;
    again := null;

    -- 1. for the run: its packages, locked, enough for all of its items.
    run_ids := '{}';
    run_purposes := '{}';
    run_expiries := '{}';
    run_left := '{}';
    run_taken := '{}';
    need := 0;
    earliest := p_nows[run_first];
    for n in run_first .. run_last loop
      need := need + p_quantities[n];
      earliest := least(earliest, p_nows[n]);
    end loop;
    for pkg in
      select k.package_id, k.purpose, k.expire_time, k.remaining_quantity
        from rp_take_packages(account, p_product_ids[run_first], p_region_ids[run_first], p_purposes[run_first],
                              earliest, need, true) k
    loop
      run_ids := run_ids || pkg.package_id;
      run_purposes := run_purposes || pkg.purpose;
      run_expiries := run_expiries || pkg.expire_time;
      run_left := run_left || pkg.remaining_quantity;
      run_taken := run_taken || 0::bigint;
      need := need - pkg.remaining_quantity;
    end loop;
    -- Short of the run's quantity: these are all the usable packages.
    run_all := need > 0;
    -- A run of several items claims its request IDs with one insert when it ends, which costs about
    -- half of one insert per item, if none of them can be claimed already: not in usage_records or
    -- idempotency_records now, and none twice in the run. Their records are then inserted after the
    -- run's wallet and alert look-ups, not before: a concurrent transaction that claimed one of the
    -- IDs since (only another product's or purpose's request under the same ID: one of the same
    -- product and purpose waits for this run's package locks) makes the insert skip it, and the
    -- call fails (serialization_failure) with nothing done, so its items go to the full path; one
    -- that waits for this run's wallet or alert lock while it holds the ID makes a deadlock, which
    -- PostgreSQL breaks the same way. Not on Citus: it would plan the INSERT ... SELECT on the
    -- coordinator (see step 3).
    run_requests := p_request_ids[run_first:run_last];
    claims_at_end := run_last > run_first and not on_citus
        and (select count(distinct r) from unnest(run_requests) r) = cardinality(run_requests)
        and not exists (select 1 from usage_records u where u.account_id = account and u.request_id = any(run_requests))
        and not exists (select 1 from idempotency_records c where c.scope = account and c.request_id = any(run_requests));
    held_claims := '{}';
    draw_packages := '{}';
    draw_usages := '{}';
    draw_times := '{}';
    draw_quantities := '{}';
    payg_read := false;
    alert_purposes := '{}';
    alert_thresholds := '{}';
    alert_states := '{}';
    alert_bases := '{}';
    alert_base_times := '{}';

    <<items>>
    for n in run_first .. run_last loop
      not_covered := row(n, 'NOT_COVERED', null, null, null, null, null, null, null, null, null, null, null, null,
                         null, null, null, null, null, null, null);
      -- 1. this item's deductions.
      need := p_quantities[n];
      positions := '{}';
      ids := '{}';
      quantities := '{}';
      remaining_after := '{}';
      purposes := '{}';
      for i in 1 .. cardinality(run_ids) loop
        continue when run_left[i] = 0 or run_expiries[i] <= p_nows[n];
        take := least(need, run_left[i]);
        positions := positions || i;
        ids := ids || run_ids[i];
        quantities := quantities || take;
        remaining_after := remaining_after || (run_left[i] - take);
        purposes := purposes || run_purposes[i];
        need := need - take;
        exit when need = 0;
      end loop;
      if need > 0 and not run_all and run_last > run_first then
        -- The run's packages fell short only because this item is later than the run's earliest
        -- time: decided again alone, from packages read at its own time.
        again := n;
        exit items;
      end if;
      -- An item that empties a package is the full path's, which writes its package.exhausted
      -- event (UsageService; once in a package's life, usually).
      if 0 = any(remaining_after) then
        return next not_covered;
        continue items;
      end if;

      -- 2. the rest pay-as-you-go; the facts read once per run, one statement each (Citus: see
      -- rp_quota_facts).
      unit_price := null;
      charge := 0;
      if need > 0 then
        if not payg_read then
          payg_active := exists (select 1 from pay_as_you_go_activations a
                                  where a.account_id = account and a.product_id = p_product_ids[n]
                                    and a.region_id = p_region_ids[n]);
          select * into price from product_pay_as_you_go_prices p
           where p.product_id = p_product_ids[n] and p.purpose = p_purposes[n];
          payg_read := true;
        end if;
        if not payg_active or price.unit_price is null or price.currency <> p_currencies[n] then
          return next not_covered;
          continue items;
        end if;
        unit_price := price.unit_price;
        charge := round(unit_price * need, 2);
      end if;

      -- 3. the claim.
      -- Checked before the insert, not in an INSERT ... SELECT: Citus plans that on the coordinator
      -- (two hops) and miscounts its rows. (One look-up per item: one per run with an array of the
      -- run's IDs measured slower for runs of one.)
      if not claims_at_end then
        if exists (select 1 from idempotency_records c where c.scope = account and c.request_id = p_request_ids[n]) then
          claimed_by_other := not_covered;
          claimed_by_other.outcome := 'CLAIMED';
          return next claimed_by_other;
          continue items;
        end if;
        insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                   package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                   pay_as_you_go_charge, record_time,
                                   deduction_package_ids, deduction_quantities, deduction_remaining_after,
                                   deduction_purposes, fingerprint, tag)
        values (account, p_usage_ids[n], p_request_ids[n], p_product_ids[n], p_purposes[n], p_region_ids[n],
                p_quantities[n], p_quantities[n] - need, need, p_currencies[n], unit_price, charge, p_nows[n], ids,
                quantities, remaining_after, purposes, p_fingerprints[n], p_tags[n])
        on conflict (account_id, request_id) do nothing;
        if not found then
          -- The first record of this request ID (a concurrent insert of it was waited for).
          return query select n, 'CLAIMED'::text, u.fingerprint,
                              u.account_id, u.usage_id, u.request_id, u.product_id, u.purpose, u.region_id,
                              u.quantity, u.package_quantity, u.pay_as_you_go_quantity, u.currency,
                              u.pay_as_you_go_unit_price, u.pay_as_you_go_charge, u.record_time,
                              u.deduction_package_ids, u.deduction_quantities, u.deduction_remaining_after,
                              u.deduction_purposes, u.tag
                         from usage_records u
                        where u.account_id = account and u.request_id = p_request_ids[n];
          continue items;
        end if;
      end if;

      -- 4. the wallet.
      if charge > 0 then
        select * into w from wallets x where x.account_id = account for update;
        if not found or w.currency <> p_currencies[n]
           or w.gift_balance + w.cash_balance + (w.credit_line - w.credit_used) < charge then
          if not claims_at_end then
            delete from usage_records u where u.account_id = account and u.request_id = p_request_ids[n];
          end if;
          return next not_covered;
          continue items;
        end if;
      end if;

      -- 5. alert settings, each looked up (and locked) once per run.
      alert_changes := false;
      seen := '{}';
      foreach drawn in array purposes loop
        continue when drawn = any(seen);
        seen := seen || drawn;
        slot := array_position(alert_purposes, drawn);
        if slot is null then
          select s.threshold, s.state into setting
            from alert_settings s
           where s.account_id = account and s.product_id = p_product_ids[n] and s.purpose = drawn
             for update;
          alert_purposes := alert_purposes || drawn;
          alert_thresholds := alert_thresholds || setting.threshold;
          alert_states := alert_states || setting.state::text;
          alert_bases := alert_bases || null::bigint;
          alert_base_times := alert_base_times || null::timestamptz;
          slot := cardinality(alert_purposes);
        end if;
        continue when alert_thresholds[slot] is null;
        -- What the tables hold before the run (its deductions wait for its end), read again only
        -- for another time.
        if alert_base_times[slot] is distinct from p_nows[n] then
          alert_bases[slot] := (select coalesce(sum(t.remaining), 0)
                                  from rp_active_totals(account, p_product_ids[n], null, drawn, p_nows[n]) t);
          alert_base_times[slot] := p_nows[n];
        end if;
        left_over := alert_bases[slot];
        -- Less the run's earlier deductions from packages still active at this time, and this item's.
        for i in 1 .. cardinality(run_ids) loop
          if run_purposes[i] = drawn and run_expiries[i] > p_nows[n] then
            left_over := left_over - run_taken[i];
          end if;
        end loop;
        for j in 1 .. cardinality(purposes) loop
          if purposes[j] = drawn then
            left_over := left_over - quantities[j];
          end if;
        end loop;
        if (alert_states[slot] = 'ARMED' and left_over < alert_thresholds[slot])
           or (alert_states[slot] = 'TRIGGERED' and left_over >= alert_thresholds[slot]) then
          alert_changes := true;
          exit;
        end if;
      end loop;
      if alert_changes then
        if not claims_at_end then
          delete from usage_records u where u.account_id = account and u.request_id = p_request_ids[n];
        end if;
        return next not_covered;
        continue items;
      end if;

      -- 6. pay and deduct.
      if charge > 0 then
        from_gift := least(charge, w.gift_balance);
        from_cash := least(charge - from_gift, w.cash_balance);
        from_credit := charge - from_gift - from_cash;
        update wallets x
           set gift_balance = x.gift_balance - from_gift, cash_balance = x.cash_balance - from_cash,
               credit_used = x.credit_used + from_credit, update_time = p_paid_at
         where x.account_id = account
        returning * into w;
        insert into ledger_entries (account_id, ledger_entry_id, kind, balance_kind, amount, balance_after, currency,
                                    order_id, usage_id, description, create_time)
        select account, rp_new_id('led'), 'USAGE_CHARGE', e.balance_kind, -e.amount, e.balance_after, w.currency,
               null, p_usage_ids[n], format('pay-as-you-go %s × %s (%s)', need, p_product_ids[n], p_purposes[n]),
               p_paid_at
          from (values ('GIFT', from_gift, w.gift_balance), ('CASH', from_cash, w.cash_balance),
                       ('CREDIT', from_credit, w.credit_line - w.credit_used)) as e(balance_kind, amount, balance_after)
         where e.amount > 0;
      end if;
      for j in 1 .. cardinality(positions) loop
        run_left[positions[j]] := run_left[positions[j]] - quantities[j];
        run_taken[positions[j]] := run_taken[positions[j]] + quantities[j];
        draw_packages := draw_packages || ids[j];
        draw_usages := draw_usages || p_usage_ids[n];
        draw_times := draw_times || p_nows[n];
        draw_quantities := draw_quantities || quantities[j];
      end loop;
      answer := row(n, 'RECORDED', p_fingerprints[n], account, p_usage_ids[n], p_request_ids[n],
                    p_product_ids[n], p_purposes[n], p_region_ids[n], p_quantities[n], p_quantities[n] - need, need,
                    p_currencies[n], unit_price, charge, p_nows[n], ids, quantities, remaining_after, purposes,
                    p_tags[n]);
      if claims_at_end then
        held_claims := held_claims || answer;
      end if;
      return next answer;
    end loop;

    -- The run's claims held back, in one insert.
    if cardinality(held_claims) > 0 then
      insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                 package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                 pay_as_you_go_charge, record_time,
                                 deduction_package_ids, deduction_quantities, deduction_remaining_after,
                                 deduction_purposes, fingerprint, tag)
      select c.account_id, c.usage_id, c.request_id, c.product_id, c.purpose, c.region_id, c.quantity,
             c.package_quantity, c.pay_as_you_go_quantity, c.currency, c.pay_as_you_go_unit_price,
             c.pay_as_you_go_charge, c.record_time,
             c.deduction_package_ids, c.deduction_quantities, c.deduction_remaining_after,
             c.deduction_purposes, c.fingerprint, c.tag
        from unnest(held_claims) c
      on conflict (account_id, request_id) do nothing;
      get diagnostics inserted = row_count;
      if inserted <> cardinality(held_claims) then
        raise exception 'a request ID of account % was claimed by another transaction during the batch', account
          using errcode = '40001';
      end if;
    end if;

    -- The run's funding trace (V23): one row per recorded item and package drawn from. One insert
    -- for the run; on Citus one per row (an INSERT ... SELECT would be planned on the coordinator,
    -- see step 3).
    if cardinality(draw_packages) > 0 then
      if on_citus then
        for j in 1 .. cardinality(draw_packages) loop
          insert into usage_package_draws (account_id, package_id, record_time, usage_id, quantity)
          values (account, draw_packages[j], draw_times[j], draw_usages[j], draw_quantities[j]);
        end loop;
      else
        insert into usage_package_draws (account_id, package_id, record_time, usage_id, quantity)
        select account, d.package_id, d.record_time, d.usage_id, d.quantity
          from unnest(draw_packages, draw_times, draw_usages, draw_quantities) as d(package_id, record_time, usage_id, quantity);
      end if;
    end if;

    -- The run's deductions, one per package.
    for i in 1 .. cardinality(run_ids) loop
      if run_taken[i] > 0 then
        perform rp_deduct(account, run_ids[i], run_taken[i]);
      end if;
    end loop;
    if again is not null then
      run_first := again;
      alone := true;
    else
      run_first := run_last + 1;
    end if;
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
    p_purposes text[], p_region_ids text[], p_quantities bigint[], p_currencies text[], p_nows timestamptz[],
    p_paid_at timestamptz, p_tags text[])
  returns setof rp_usage_outcome
  language plpgsql as $$
begin
  return query select * from rp_record_covered_usages(
      array_fill(p_account_id, array[coalesce(cardinality(p_request_ids), 0)]), p_request_ids, p_fingerprints,
      p_usage_ids, p_product_ids, p_purposes, p_region_ids, p_quantities, p_currencies, p_nows, p_paid_at, p_tags);
end
$$;

do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    perform create_distributed_function(
        'rp_record_account_usages(text, text[], bytea[], text[], text[], text[], text[], bigint[], text[], timestamptz[], timestamptz, text[])',
        'p_account_id', colocate_with => 'accounts');
    perform create_distributed_function(
        'rp_quota_facts(text, text, text, text, bigint, timestamptz)', 'p_account_id', colocate_with => 'accounts');
  end if;
end
$$;

-- CheckQuota for concurrent requests in one call (storage/quota/BatchingQuotaFactsReader): item n of
-- each array is one request, answered as rp_quota_facts answers it alone, with its position n. A
-- read takes no locks, so the items need no order. One SQL statement over the items, with
-- rp_quota_facts' statement written out per item and "taken" as one expression whose walk runs
-- only when what is left does not cover the quantity: PostgreSQL runs a batch of four in 0.6 of
-- the time of a PL/pgSQL call of rp_quota_facts per item (docs/benchmark.md, issue 18, session 21).
-- The statement is rp_quota_facts', written twice because Citus cannot plan a parameterized query
-- through an SQL function that reads distributed tables (so rp_quota_facts cannot call a shared
-- one); BatchingQuotaFactsReaderTest holds the two to the same answers over the package layouts
-- and quantities below and above what is left. Plain PostgreSQL only: on Citus each request stays
-- one call of rp_quota_facts, which the coordinator delegates to the request's account's worker.
-- The body is checked when first planned, not here: a migration run to a target before V21 (the
-- migration tests) creates the function before package_totals exists.
set local check_function_bodies = off;
drop function if exists rp_quota_facts_many(text[], text[], text[], text[], bigint[], timestamptz[]);
create function rp_quota_facts_many(
    p_account_ids text[], p_product_ids text[], p_region_ids text[], p_purposes text[], p_quantities bigint[],
    p_nows timestamptz[])
  returns table (n integer, product_exists boolean, region_exists boolean, taken bigint, remaining bigint,
                 active boolean, unit_price numeric, price_currency text, currency text, cash_balance numeric,
                 gift_balance numeric, credit_line numeric, credit_used numeric, update_time timestamptz)
  language sql stable as $$
  select r.n::integer,
         exists (select 1 from products where product_id = r.product_id),
         exists (select 1 from regions where region_id = r.region_id),
         case when f.remaining >= r.quantity then r.quantity
              else (select coalesce(sum(k.remaining_quantity), 0)
                      from rp_take_packages(r.account_id, r.product_id, r.region_id, r.purpose, r.now, r.quantity,
                                            false) k)::bigint
         end,
         f.remaining,
         exists (select 1 from pay_as_you_go_activations a
                  where a.account_id = r.account_id and a.product_id = r.product_id and a.region_id = r.region_id),
         p.unit_price, p.currency,
         w.currency, w.cash_balance, w.gift_balance, w.credit_line, w.credit_used, w.update_time
    from unnest(p_account_ids, p_product_ids, p_region_ids, p_purposes, p_quantities, p_nows)
           with ordinality as r(account_id, product_id, region_id, purpose, quantity, now, n)
   cross join lateral (
     select coalesce(sum(t.remaining), 0)::bigint as remaining
       from (
         select b.remaining
           from package_totals b
          where b.account_id = r.account_id and b.product_id = r.product_id and b.region_id = r.region_id
            and b.purpose in (r.purpose, 'GENERAL')
         union all
         select -k.remaining_quantity
           from packages k
          where k.account_id = r.account_id and not k.exhausted and not k.lapsed
            and k.product_id = r.product_id and k.region_id = r.region_id and k.purpose in (r.purpose, 'GENERAL')
            and k.expire_time <= r.now
       ) t) f
    left join product_pay_as_you_go_prices p on p.product_id = r.product_id and p.purpose = r.purpose
    left join wallets w on w.account_id = r.account_id
$$;
set local check_function_bodies = on;
