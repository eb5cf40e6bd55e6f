-- RecordUsage in one database call when packages alone cover it, for a batch of concurrent
-- requests at a time (docs/benchmark.md, step 9).
--
-- A RecordUsage claim names its usage record instead of storing a serialized answer: a retry is
-- answered from the usage record itself, which holds everything the answer says. So the claim
-- needs no second write, and the call below can claim, deduct and record in one statement.
alter table idempotency_records add column usage_id text;

-- Claims made before this migration stored the answer; they name their record now too (a usage
-- record's request ID is the account's, and an account's claims are scoped by its ID).
update idempotency_records i
   set usage_id = u.usage_id
  from usage_records u
 where i.scope = u.account_id and i.request_id = u.request_id;

-- The purposes of a usage record's deducted packages, in the record's (burn-down) order.
create function rp_deduction_purposes(p_account_id text, p_package_ids text[]) returns text[]
  language sql stable as $$
  select coalesce(array_agg(p.purpose order by d.n), '{}')
    from unnest(p_package_ids) with ordinality as d(package_id, n)
    join packages p on p.account_id = p_account_id and p.package_id = d.package_id
$$;

-- The first record of a claimed request ID (null columns when the claim is another request's).
create function rp_claimed_usage(p_scope text, p_request_id text, p_account_id text)
  returns table (
    fingerprint bytea,
    account_id text, usage_id text, request_id text, product_id text, purpose text, region_id text,
    quantity bigint, package_quantity bigint, pay_as_you_go_quantity bigint, currency text,
    pay_as_you_go_unit_price numeric, pay_as_you_go_charge numeric, record_time timestamptz,
    deduction_package_ids text[], deduction_quantities bigint[], deduction_remaining_after bigint[],
    deduction_purposes text[])
  language sql stable as $$
  select i.fingerprint,
         u.account_id, u.usage_id, u.request_id, u.product_id, u.purpose, u.region_id,
         u.quantity, u.package_quantity, u.pay_as_you_go_quantity, u.currency,
         u.pay_as_you_go_unit_price, u.pay_as_you_go_charge, u.record_time,
         u.deduction_package_ids, u.deduction_quantities, u.deduction_remaining_after,
         rp_deduction_purposes(u.account_id, u.deduction_package_ids)
    from idempotency_records i
    left join usage_records u on u.account_id = p_account_id and u.usage_id = i.usage_id
   where i.scope = p_scope and i.request_id = p_request_id
$$;

-- The usage path of domain/quota/UsageService for requests the account's packages cover, for
-- several requests in one transaction (parallel arrays, item n of each; one row out per item, in
-- order). Per item it follows the Java path exactly:
--   1. claim the request ID with the usage record's ID; claimed before (a concurrent claim is waited
--      for): outcome CLAIMED, its first record (rp_claimed_usage), nothing else done;
--   2. lock the usable packages in burn-down order (exact purpose, then GENERAL; earliest expiry;
--      oldest purchase; package ID) and plan the deductions; short: NOT_COVERED;
--   3. for each purpose drawn from, lock its alert setting, if any; if the remaining quantity the
--      alert rule compares (active packages of that product and purpose, every region) would make
--      it change state (an alert to queue, or a re-arm): NOT_COVERED;
--   4. deduct, insert the usage record: RECORDED.
-- A NOT_COVERED item has its claim removed and wrote nothing else: the caller runs it through the
-- full path in Java (pay-as-you-go,
-- QUOTA_EXHAUSTED, alerts). Each statement takes its own snapshot (READ COMMITTED), so alert
-- settings and claims are read after the package locks are held, as in the Java path. The caller
-- orders items by account and puts one (product, region, purpose) per account in a batch; every
-- lock an item takes (its claim, packages, alert settings) belongs to its account, so concurrent
-- batches take their locks in one order.
create function rp_record_covered_usages(
    p_scopes text[], p_request_ids text[], p_fingerprints bytea[],
    p_account_ids text[], p_usage_ids text[], p_product_ids text[], p_purposes text[], p_region_ids text[],
    p_quantities bigint[], p_currencies text[], p_nows timestamptz[])
  returns table (
    item integer, outcome text, fingerprint bytea,
    account_id text, usage_id text, request_id text, product_id text, purpose text, region_id text,
    quantity bigint, package_quantity bigint, pay_as_you_go_quantity bigint, currency text,
    pay_as_you_go_unit_price numeric, pay_as_you_go_charge numeric, record_time timestamptz,
    deduction_package_ids text[], deduction_quantities bigint[], deduction_remaining_after bigint[],
    deduction_purposes text[])
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
    insert into idempotency_records (scope, request_id, fingerprint, create_time, usage_id)
    values (p_scopes[n], p_request_ids[n], p_fingerprints[n], p_nows[n], p_usage_ids[n])
    on conflict (scope, request_id) do nothing;
    if not found then
      return query select n, 'CLAIMED'::text, c.* from rp_claimed_usage(p_scopes[n], p_request_ids[n], p_account_ids[n]) c;
      continue;
    end if;

    need := p_quantities[n];
    ids := '{}';
    quantities := '{}';
    remaining_after := '{}';
    purposes := '{}';
    for pkg in
      select k.package_id, k.purpose, k.remaining_quantity
        from packages k
       where k.account_id = p_account_ids[n] and k.product_id = p_product_ids[n] and k.region_id = p_region_ids[n]
         and k.purpose in (p_purposes[n], 'GENERAL')
         and k.remaining_quantity > 0 and k.expire_time > p_nows[n]
       order by (k.purpose <> p_purposes[n]), k.expire_time, k.purchase_time, k.package_id
         for update
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
        select coalesce(sum(k.remaining_quantity), 0) into left_over
          from packages k
         where k.account_id = p_account_ids[n] and k.product_id = p_product_ids[n] and k.purpose = drawn
           and k.remaining_quantity > 0 and k.expire_time > p_nows[n];
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
      delete from idempotency_records c where c.scope = p_scopes[n] and c.request_id = p_request_ids[n];
      return query select n, 'NOT_COVERED'::text, null::bytea, null, null, null, null, null, null, null::bigint,
                          null::bigint, null::bigint, null, null::numeric, null::numeric, null::timestamptz,
                          null::text[], null::bigint[], null::bigint[], null::text[];
      continue;
    end if;

    for j in 1 .. cardinality(ids) loop
      update packages k set remaining_quantity = k.remaining_quantity - quantities[j]
       where k.account_id = p_account_ids[n] and k.package_id = ids[j];
    end loop;
    insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                               package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                               pay_as_you_go_charge, record_time,
                               deduction_package_ids, deduction_quantities, deduction_remaining_after)
    values (p_account_ids[n], p_usage_ids[n], p_request_ids[n], p_product_ids[n], p_purposes[n], p_region_ids[n],
            p_quantities[n], p_quantities[n], 0, p_currencies[n], null, 0, p_nows[n], ids, quantities, remaining_after);
    return query select n, 'RECORDED'::text, p_fingerprints[n],
                        p_account_ids[n], p_usage_ids[n], p_request_ids[n], p_product_ids[n], p_purposes[n],
                        p_region_ids[n], p_quantities[n], p_quantities[n], 0::bigint, p_currencies[n],
                        null::numeric, 0::numeric, p_nows[n], ids, quantities, remaining_after, purposes;
  end loop;
end
$$;
