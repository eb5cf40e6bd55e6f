-- RecordUsage in one database call when packages alone cover it (docs/benchmark.md, step 9).
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

-- The usage path of domain/quota/UsageService when the account's packages cover the whole
-- quantity, as one statement (so one round trip, and the package locks are held for no network
-- round trip at all). It follows the Java path exactly:
--   1. claim the request ID (scope, request_id) with the usage record's ID; if it is claimed
--      already, change nothing and return outcome CLAIMED with the stored fingerprint and the
--      usage record it names (null when the ID belongs to another kind of request);
--   2. lock the usable packages in burn-down order (exact purpose, then GENERAL; earliest expiry;
--      oldest purchase; package ID) and take from each in turn;
--   3. insert the usage record (no pay-as-you-go part);
--   4. for each purpose drawn from, lock its alert setting, if any, and read the remaining quantity
--      the alert rule compares (active packages of that product and purpose, every region).
-- It refuses, and so changes nothing (the claim included), with SQLSTATE RPU01 when the packages
-- do not cover the quantity, and RPU02 when an alert setting would change state (an alert to
-- queue, or a re-arm): the caller then runs the full path in Java, which handles pay-as-you-go,
-- QUOTA_EXHAUSTED and alerts. Each statement here takes its own snapshot (READ COMMITTED), so the
-- alert settings are read after the package locks are held, as in the Java path.
create function rp_record_covered_usage(
    p_scope text, p_request_id text, p_fingerprint bytea,
    p_account_id text, p_usage_id text, p_product_id text, p_purpose text, p_region_id text,
    p_quantity bigint, p_currency text, p_now timestamptz)
  returns table (
    outcome text, fingerprint bytea,
    account_id text, usage_id text, request_id text, product_id text, purpose text, region_id text,
    quantity bigint, package_quantity bigint, pay_as_you_go_quantity bigint, currency text,
    pay_as_you_go_unit_price numeric, pay_as_you_go_charge numeric, record_time timestamptz,
    deduction_package_ids text[], deduction_quantities bigint[], deduction_remaining_after bigint[],
    deduction_purposes text[])
  language plpgsql as $$
#variable_conflict use_column
declare
  need bigint := p_quantity;
  take bigint;
  pkg record;
  ids text[] := '{}';
  quantities bigint[] := '{}';
  remaining_after bigint[] := '{}';
  purposes text[] := '{}';
  drawn text;
  setting record;
  left_over bigint;
begin
  insert into idempotency_records as i (scope, request_id, fingerprint, create_time, usage_id)
  values (p_scope, p_request_id, p_fingerprint, p_now, p_usage_id)
  on conflict (scope, request_id) do nothing;
  if not found then
    return query
      select 'CLAIMED', i.fingerprint,
             u.account_id, u.usage_id, u.request_id, u.product_id, u.purpose, u.region_id,
             u.quantity, u.package_quantity, u.pay_as_you_go_quantity, u.currency,
             u.pay_as_you_go_unit_price, u.pay_as_you_go_charge, u.record_time,
             u.deduction_package_ids, u.deduction_quantities, u.deduction_remaining_after,
             rp_deduction_purposes(u.account_id, u.deduction_package_ids)
        from idempotency_records i
        left join usage_records u on u.account_id = p_account_id and u.usage_id = i.usage_id
       where i.scope = p_scope and i.request_id = p_request_id;
    return;
  end if;

  for pkg in
    select k.package_id, k.purpose, k.remaining_quantity
      from packages k
     where k.account_id = p_account_id and k.product_id = p_product_id and k.region_id = p_region_id
       and k.purpose in (p_purpose, 'GENERAL')
       and k.remaining_quantity > 0 and k.expire_time > p_now
     order by (k.purpose <> p_purpose), k.expire_time, k.purchase_time, k.package_id
       for update
  loop
    take := least(need, pkg.remaining_quantity);
    update packages k set remaining_quantity = k.remaining_quantity - take
     where k.account_id = p_account_id and k.package_id = pkg.package_id;
    ids := ids || pkg.package_id;
    quantities := quantities || take;
    remaining_after := remaining_after || (pkg.remaining_quantity - take);
    purposes := purposes || pkg.purpose;
    need := need - take;
    exit when need = 0;
  end loop;
  if need > 0 then
    raise exception 'packages cover % of %', p_quantity - need, p_quantity using errcode = 'RPU01';
  end if;

  insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                             package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                             pay_as_you_go_charge, record_time,
                             deduction_package_ids, deduction_quantities, deduction_remaining_after)
  values (p_account_id, p_usage_id, p_request_id, p_product_id, p_purpose, p_region_id, p_quantity,
          p_quantity, 0, p_currency, null, 0, p_now, ids, quantities, remaining_after);

  for drawn in select distinct d from unnest(purposes) as d loop
    select s.threshold, s.state into setting
      from alert_settings s
     where s.account_id = p_account_id and s.product_id = p_product_id and s.purpose = drawn
       for update;
    if found then
      select coalesce(sum(k.remaining_quantity), 0) into left_over
        from packages k
       where k.account_id = p_account_id and k.product_id = p_product_id and k.purpose = drawn
         and k.remaining_quantity > 0 and k.expire_time > p_now;
      if (setting.state = 'ARMED' and left_over < setting.threshold)
         or (setting.state = 'TRIGGERED' and left_over >= setting.threshold) then
        raise exception 'the % alert setting changes state', drawn using errcode = 'RPU02';
      end if;
    end if;
  end loop;

  return query
    select 'RECORDED', p_fingerprint,
           p_account_id, p_usage_id, p_request_id, p_product_id, p_purpose, p_region_id,
           p_quantity, p_quantity, 0::bigint, p_currency,
           null::numeric, 0::numeric, p_now,
           ids, quantities, remaining_after, purposes;
end
$$;
