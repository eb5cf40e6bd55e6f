-- Pay-as-you-go spend alerts (SetPayAsYouGoSpendAlert, docs/webhooks.md): one per account at most.
-- month_spend is what the account spent pay-as-you-go in month (UTC), counted from its ledger
-- entries up to counted_until by the spend alert pass; triggered once it reached threshold.

do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    set local citus.multi_shard_modify_mode = 'sequential';
  end if;
end
$$;

create table payg_spend_alerts (
  account_id    text primary key references accounts (account_id),
  threshold     numeric(20, 2) not null check (threshold > 0),
  currency      text not null,
  month         date not null check (extract(day from month) = 1),
  month_spend   numeric(20, 2) not null,
  counted_until timestamptz not null,
  trigger_time  timestamptz
);

select rp_place_table('payg_spend_alerts', true);
