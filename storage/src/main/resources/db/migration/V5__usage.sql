-- Usage records (the sending hot path) and the package deductions each one made.

create table usage_records (
  account_id             text not null references accounts (account_id),
  usage_id               text not null,
  request_id             text not null,
  product_id             text not null,
  purpose                text not null,
  region_id              text not null,
  quantity               bigint not null check (quantity > 0),
  package_quantity       bigint not null check (package_quantity >= 0),
  pay_as_you_go_quantity bigint not null check (pay_as_you_go_quantity >= 0),
  currency               text not null,
  pay_as_you_go_unit_price numeric(24, 9),
  pay_as_you_go_charge   numeric(20, 2) not null,
  record_time            timestamptz not null,
  primary key (account_id, usage_id),
  check (package_quantity + pay_as_you_go_quantity = quantity)
);

create index usage_records_newest_first on usage_records (account_id, record_time desc, usage_id desc);

create table usage_deductions (
  account_id      text not null,
  usage_id        text not null,
  package_id      text not null,
  quantity        bigint not null check (quantity > 0),
  remaining_after bigint not null check (remaining_after >= 0),
  primary key (account_id, usage_id, package_id),
  foreign key (account_id, usage_id) references usage_records (account_id, usage_id),
  foreign key (account_id, package_id) references packages (account_id, package_id)
);

-- Burn-down look-up: an account's packages with quota left, of one product, region and purpose.
create index packages_usable on packages (account_id, product_id, region_id, purpose, expire_time, purchase_time, package_id)
  where remaining_quantity > 0;
