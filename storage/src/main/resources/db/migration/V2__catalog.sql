-- Catalog: products with their pay-as-you-go prices, plan specs with their volume tiers. Not
-- account-owned. Amounts are exact numerics with up to nine decimals (unit prices), each with its
-- currency; never floating point.

create table products (
  product_id    text primary key,
  display_name  text not null,
  description   text not null,
  quantity_unit text not null,
  vendor_name   text not null,
  create_time   timestamptz not null,
  update_time   timestamptz not null
);

create table product_pay_as_you_go_prices (
  product_id text not null references products (product_id),
  purpose    text not null check (purpose in ('VERIFICATION_NOTIFICATION', 'MARKETING', 'GENERAL')),
  unit_price numeric(24, 9) not null check (unit_price > 0),
  currency   text not null,
  primary key (product_id, purpose)
);

-- Exactly one pricing per spec: fixed_* columns for FIXED, quantity_* columns and tiers for CUSTOM.
create table plan_specs (
  plan_spec_id     text primary key,
  product_id       text not null references products (product_id),
  display_name     text not null,
  kind             text not null check (kind in ('FIXED', 'CUSTOM')),
  allowed_purposes text[] not null,
  validity_months  integer not null check (validity_months between 1 and 120),
  fixed_quantity   bigint,
  fixed_price      numeric(24, 9),
  fixed_currency   text,
  quantity_step    bigint,
  minimum_quantity bigint,
  maximum_quantity bigint,
  state            text not null check (state in ('ACTIVE', 'RETIRED')),
  create_time      timestamptz not null,
  update_time      timestamptz not null,
  retire_time      timestamptz,
  check ((kind = 'FIXED') = (fixed_quantity is not null and fixed_price is not null and fixed_currency is not null)),
  check ((kind = 'CUSTOM') = (quantity_step is not null and minimum_quantity is not null and maximum_quantity is not null)),
  check ((state = 'RETIRED') = (retire_time is not null))
);

create index plan_specs_by_product on plan_specs (product_id, plan_spec_id);

-- The tiers of a custom spec in order; max_quantity 0 = open. Replaced whole on update.
create table plan_spec_tiers (
  plan_spec_id text not null references plan_specs (plan_spec_id),
  position     integer not null,
  min_quantity bigint not null,
  max_quantity bigint not null,
  unit_price   numeric(24, 9) not null check (unit_price > 0),
  currency     text not null,
  primary key (plan_spec_id, position)
);
