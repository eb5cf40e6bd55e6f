-- Quota holds (docs/holds.md): ReserveUsage takes units from packages in burn-down order into a
-- hold at once (the packages' remaining quantity and package_totals go down in its transaction), so
-- the usage path, CheckQuota, summaries and alerts need no change to leave held units alone.
-- CaptureUsage turns held units into usage records; ReleaseUsage, or the hold expiry pass at
-- expire_time, gives the rest back to the packages they came from.

-- On Citus (V18), as V22: one connection per node for the DDL after reference-table changes.
do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    set local citus.multi_shard_modify_mode = 'sequential';
  end if;
end
$$;

-- One reservation. Always quantity = its allocations' quantities + payg_quantity, and captured and
-- released likewise (HoldsTest checks); an ACTIVE hold is the only kind that holds anything.
create table holds (
  account_id        text not null references accounts (account_id),
  hold_id           text not null,
  request_id        text not null,
  product_id        text not null,
  purpose           text not null,
  region_id         text not null,
  tag               text not null default '',
  quantity          bigint not null check (quantity > 0),
  captured_quantity bigint not null default 0 check (captured_quantity >= 0),
  released_quantity bigint not null default 0 check (released_quantity >= 0),
  -- The units the packages did not cover, held pay-as-you-go (0: none): their money left the
  -- wallet at reservation (payg_amount, split as paid), captures charge them cumulatively, and
  -- payg_released_amount went back when the hold ended.
  payg_quantity        bigint not null default 0 check (payg_quantity >= 0),
  payg_captured        bigint not null default 0 check (payg_captured >= 0),
  payg_released        bigint not null default 0 check (payg_released >= 0),
  currency             text,
  payg_unit_price      numeric(24, 9),
  payg_amount          numeric(20, 2) not null default 0,
  payg_from_gift       numeric(20, 2) not null default 0,
  payg_from_cash       numeric(20, 2) not null default 0,
  payg_from_credit     numeric(20, 2) not null default 0,
  payg_released_amount numeric(20, 2) not null default 0,
  status            text not null check (status in ('ACTIVE', 'CAPTURED', 'RELEASED', 'EXPIRED')),
  create_time       timestamptz not null,
  expire_time       timestamptz not null,
  finish_time       timestamptz,
  primary key (account_id, hold_id),
  check (captured_quantity + released_quantity <= quantity),
  check ((status = 'ACTIVE') = (finish_time is null)),
  check (status = 'ACTIVE' or captured_quantity + released_quantity = quantity),
  check (payg_captured + payg_released <= payg_quantity),
  check ((payg_quantity = 0) = (payg_unit_price is null) and (payg_quantity = 0) = (currency is null)),
  check (payg_from_gift + payg_from_cash + payg_from_credit = payg_amount)
);

-- ListHolds: an account's holds newest first (with or without a status filter: few per account).
create index holds_newest_first on holds (account_id, create_time desc, hold_id desc);
-- The hold expiry pass: active holds by expiry, across accounts.
create index holds_active_by_expiry on holds (expire_time, account_id, hold_id) where status = 'ACTIVE';

-- What a hold took from each package, in burn-down order at reservation (position). Captures take
-- from the lowest position first; a release gives each package back what it still holds.
create table hold_allocations (
  account_id text not null,
  hold_id    text not null,
  position   integer not null check (position >= 0),
  package_id text not null,
  purpose    text not null,
  quantity   bigint not null check (quantity > 0),
  captured   bigint not null default 0 check (captured >= 0),
  released   bigint not null default 0 check (released >= 0),
  primary key (account_id, hold_id, position),
  unique (account_id, hold_id, package_id),
  foreign key (account_id, hold_id) references holds (account_id, hold_id),
  foreign key (account_id, package_id) references packages (account_id, package_id),
  check (captured + released <= quantity)
);

-- What active holds hold of a package (GetPackage, the reconciliation of a package's units).
create index hold_allocations_live_by_package on hold_allocations (account_id, package_id)
  where captured + released < quantity;

select rp_place_table('holds', true);
select rp_place_table('hold_allocations', true);
