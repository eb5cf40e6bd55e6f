-- Wallets, ledger, vouchers, orders and packages. Amounts are exact numerics; the check
-- constraints are the last line of defence for the money and quota rules.

create table wallets (
  account_id   text primary key references accounts (account_id),
  currency     text not null,
  cash_balance numeric(20, 2) not null check (cash_balance >= 0),
  gift_balance numeric(20, 2) not null check (gift_balance >= 0),
  credit_line  numeric(20, 2) not null check (credit_line >= 0),
  credit_used  numeric(20, 2) not null check (credit_used >= 0),
  update_time  timestamptz not null,
  check (credit_used <= credit_line)
);

create table ledger_entries (
  account_id      text not null references accounts (account_id),
  ledger_entry_id text not null,
  kind            text not null,
  balance_kind    text not null check (balance_kind in ('CASH', 'GIFT', 'CREDIT')),
  amount          numeric(20, 2) not null,
  balance_after   numeric(20, 2) not null,
  currency        text not null,
  order_id        text,
  usage_id        text,
  description     text not null,
  create_time     timestamptz not null,
  primary key (account_id, ledger_entry_id)
);

create index ledger_entries_newest_first on ledger_entries (account_id, create_time desc, ledger_entry_id desc);

create table vouchers (
  account_id           text not null references accounts (account_id),
  voucher_id           text not null,
  amount               numeric(20, 2) not null check (amount > 0),
  currency             text not null,
  product_id           text,
  minimum_order_amount numeric(20, 2) not null check (minimum_order_amount >= 0),
  issue_time           timestamptz not null,
  expire_time          timestamptz not null,
  used_order_id        text,
  use_time             timestamptz,
  primary key (account_id, voucher_id),
  check ((used_order_id is null) = (use_time is null))
);

-- An order is paid with at most one voucher.
create unique index vouchers_one_per_order on vouchers (account_id, used_order_id) where used_order_id is not null;
create index vouchers_by_expiry on vouchers (account_id, expire_time, voucher_id);

create table orders (
  account_id             text not null references accounts (account_id),
  order_id               text not null,
  state                  text not null check (state in ('PENDING_PAYMENT', 'PAID', 'CANCELLED')),
  region_id              text not null references regions (region_id),
  product_id             text not null,
  plan_spec_id           text not null,
  resource               text not null,
  configuration          text not null,
  quantity               bigint not null check (quantity > 0),
  purpose                text not null,
  issued_quantity        bigint not null check (issued_quantity > 0),
  validity_months        integer not null,
  currency               text not null,
  unit_price             numeric(20, 9) not null,
  tier_min_quantity      bigint,
  tier_max_quantity      bigint,
  list_amount            numeric(20, 2) not null check (list_amount >= 0),
  voucher_discount       numeric(20, 2) not null,
  total_amount           numeric(20, 2) not null,
  accepted_terms_version text not null,
  terms_accept_time      timestamptz not null,
  created_by             text not null,
  create_time            timestamptz not null,
  expire_time            timestamptz not null,
  cancel_time            timestamptz,
  pay_time               timestamptz,
  voucher_id             text,
  paid_gift              numeric(20, 2),
  paid_cash              numeric(20, 2),
  paid_credit            numeric(20, 2),
  primary key (account_id, order_id),
  check ((state = 'PAID') = (pay_time is not null))
);

create index orders_newest_first on orders (account_id, create_time desc, order_id desc);

create table packages (
  account_id         text not null references accounts (account_id),
  package_id         text not null,
  display_name       text not null,
  product_id         text not null,
  plan_spec_id       text not null,
  purpose            text not null,
  region_id          text not null references regions (region_id),
  total_quantity     bigint not null check (total_quantity > 0),
  remaining_quantity bigint not null check (remaining_quantity >= 0 and remaining_quantity <= total_quantity),
  order_id           text not null,
  purchase_time      timestamptz not null,
  expire_time        timestamptz not null,
  primary key (account_id, package_id),
  foreign key (account_id, order_id) references orders (account_id, order_id)
);

create index packages_newest_first on packages (account_id, purchase_time desc, package_id desc);
create index packages_by_order on packages (account_id, order_id);
-- The usage path: an account's packages of one product and region that still hold quota.
create index packages_with_quota on packages (account_id, product_id, region_id, expire_time)
  where remaining_quantity > 0;
