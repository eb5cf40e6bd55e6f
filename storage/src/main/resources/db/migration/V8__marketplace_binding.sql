-- Marketplace instances and login tickets (the cloud side), and the vendor side: sites, vendor
-- users, billing-center accounts, workspaces and email verification codes.

-- Verification codes are mailed through the outbox. (Issue 5's V7 widens this check too; this
-- recreates it with the same list, so either order of the two migrations ends the same.)
alter table notification_outbox drop constraint if exists notification_outbox_kind_check;
alter table notification_outbox add constraint notification_outbox_kind_check
  check (kind in ('QUOTA_ALERT', 'EXPIRY_REMINDER', 'SYSTEM', 'ORDER_PAID', 'VERIFICATION_CODE'));

-- A purchased-service instance of a marketplace product: one per account and product. The
-- activation request completes at once. activate_request_id is the request_id of the activation,
-- so a marketplace retry gets the same instance even after its idempotency record is gone. Its
-- binding is kept once, on the workspace side (workspaces.instance_id).
create table marketplace_instances (
  account_id                 text not null references accounts (account_id),
  instance_id                text not null unique,
  product_id                 text not null references products (product_id),
  display_name               text not null,
  accepted_agreement_version text not null,
  activate_request_id        text not null,
  create_time                timestamptz not null,
  primary key (account_id, instance_id),
  unique (account_id, product_id),
  unique (account_id, activate_request_id)
);

create index marketplace_instances_newest_first
  on marketplace_instances (account_id, create_time desc, instance_id desc);

-- "Login directly" tickets. The ticket string is not stored: it is re-signed from these facts
-- (see LoginTickets). redeem_time set = used; the update that sets it is the single-use claim.
create table login_tickets (
  account_id       text not null references accounts (account_id),
  ticket_id        text not null,
  instance_id      text not null,
  product_id       text not null,
  issue_request_id text not null,
  issue_time       timestamptz not null,
  expire_time      timestamptz not null,
  redeem_time      timestamptz,
  primary key (account_id, ticket_id),
  unique (account_id, issue_request_id),
  foreign key (account_id, instance_id) references marketplace_instances (account_id, instance_id)
);

-- Vendor sites (deployments) a workspace lives in. Not account-owned.
create table vendor_sites (
  site_id      text primary key,
  display_name text not null
);

insert into vendor_sites (site_id, display_name) values
  ('ap-singapore', 'Overseas (Singapore)'),
  ('cn-hangzhou', 'China 1 (Hangzhou)'),
  ('cn-shenzhen', 'China 2 (Shenzhen)');

-- Users of the vendor's console. Usernames and emails are unique ignoring case. password_hash is a
-- PHC string ($argon2id$...); the password itself is never stored.
create table vendor_users (
  vendor_user_id text primary key,
  username       text not null,
  email          text not null,
  phone          text not null,
  password_hash  text not null,
  create_time    timestamptz not null
);

create unique index vendor_users_username on vendor_users (lower(username));
create unique index vendor_users_email on vendor_users (lower(email));

-- Billing-center accounts. cloud_account_id is the one cloud account it settles through (unique:
-- a cloud account links to one billing-center account, a billing-center account to one cloud
-- account); null until linked.
create table billing_accounts (
  billing_account_id  text primary key,
  username            text not null,
  email               text not null,
  company_name        text not null,
  industry            text not null,
  contact_name        text not null,
  owner_vendor_user_id text not null references vendor_users (vendor_user_id),
  cloud_account_id    text unique references accounts (account_id),
  create_time         timestamptz not null,
  link_time           timestamptz,
  check ((cloud_account_id is null) = (link_time is null))
);

create unique index billing_accounts_username on billing_accounts (lower(username));
create index billing_accounts_email on billing_accounts (lower(email));

-- Workspaces of a billing-center account. site_id never changes (no statement updates it, and the
-- trigger below refuses it); instance_id is the marketplace instance bound, null if none.
create table workspaces (
  workspace_id         text primary key,
  billing_account_id   text not null references billing_accounts (billing_account_id),
  name                 text not null,
  language             text not null check (language in ('CHINESE', 'ENGLISH')),
  site_id              text not null references vendor_sites (site_id),
  owner_vendor_user_id text not null references vendor_users (vendor_user_id),
  instance_id          text unique references marketplace_instances (instance_id),
  create_time          timestamptz not null,
  bind_time            timestamptz,
  unique (billing_account_id, name),
  check ((instance_id is null) = (bind_time is null))
);

create index workspaces_oldest_first on workspaces (billing_account_id, create_time, workspace_id);

create function workspaces_site_immutable() returns trigger language plpgsql as $$
begin
  if new.site_id <> old.site_id then
    raise exception 'workspace site cannot change';
  end if;
  return new;
end
$$;

create trigger workspaces_site_immutable before update on workspaces
  for each row execute function workspaces_site_immutable();

-- The current email verification code per email (lower case) and purpose; sending a new one
-- replaces it. code_hash is an HMAC of the code under a server key (see VerificationCodes), so the
-- table alone does not reveal codes. cloud_account_id is the flow the code was sent for.
create table verification_codes (
  email            text not null,
  purpose          text not null check (purpose in ('REGISTER', 'BIND_BILLING_ACCOUNT', 'CREATE_WORKSPACE')),
  code_id          text not null,
  cloud_account_id text not null references accounts (account_id),
  code_hash        text not null,
  attempts         integer not null check (attempts >= 0),
  send_time        timestamptz not null,
  expire_time      timestamptz not null,
  use_time         timestamptz,
  primary key (email, purpose)
);
