-- Foundation schema. Every account-owned table carries account_id as the first key column and every
-- query filters by it, so the schema can later be distributed by account_id.

create table regions (
  region_id                      text primary key,
  display_name                   text not null,
  requires_identity_verification boolean not null
);

insert into regions (region_id, display_name, requires_identity_verification) values
  ('ap-southeast-1', 'Singapore', false),
  ('cn-hangzhou', 'China (Hangzhou)', true);

create table accounts (
  account_id        text primary key,
  display_name      text not null,
  contact_email     text not null,
  contact_phone     text not null,
  default_region_id text not null references regions (region_id),
  identity_state    text not null
    check (identity_state in ('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED')),
  create_time       timestamptz not null
);

create table sub_users (
  account_id   text not null references accounts (account_id),
  sub_user_id  text not null,
  display_name text not null,
  permissions  text[] not null,
  create_time  timestamptz not null,
  primary key (account_id, sub_user_id)
);

create index sub_users_by_create_time on sub_users (account_id, create_time, sub_user_id);

create table api_keys (
  account_id    text not null references accounts (account_id),
  api_key_id    text not null,
  sub_user_id   text,
  display_name  text not null,
  secret_prefix text not null,
  secret_hash   bytea not null,
  create_time   timestamptz not null,
  revoke_time   timestamptz,
  primary key (account_id, api_key_id),
  foreign key (account_id, sub_user_id) references sub_users (account_id, sub_user_id)
);

create index api_keys_by_create_time on api_keys (account_id, create_time, api_key_id);

-- One row per client request ID; scope is the caller's account_id, or 'operator'.
create table idempotency_records (
  scope       text not null,
  request_id  text not null,
  fingerprint bytea not null,
  response    bytea,
  create_time timestamptz not null,
  primary key (scope, request_id)
);
