-- Remaining-quota alert settings, internal messages and the notification outbox.

-- One row per (account, product, purpose) with a threshold; no row = "no alert set". The row is
-- locked (FOR UPDATE) by every evaluation, so concurrent deductions queue at most one alert.
create table alert_settings (
  account_id      text not null references accounts (account_id),
  product_id      text not null,
  purpose         text not null check (purpose in ('VERIFICATION_NOTIFICATION', 'MARKETING', 'GENERAL')),
  threshold       bigint not null check (threshold > 0),
  channels        text[] not null check (cardinality(channels) between 1 and 3
                                         and channels <@ array['EMAIL', 'SMS', 'INTERNAL_MESSAGE']),
  state           text not null check (state in ('ARMED', 'TRIGGERED')),
  last_alert_time timestamptz,
  update_time     timestamptz not null,
  primary key (account_id, product_id, purpose),
  check (state = 'ARMED' or last_alert_time is not null)
);

-- Messages the account lists and marks read (the INTERNAL_MESSAGE channel).
create table internal_messages (
  account_id  text not null references accounts (account_id),
  message_id  text not null,
  kind        text not null check (kind in ('QUOTA_ALERT', 'EXPIRY_REMINDER', 'SYSTEM')),
  title       text not null,
  body        text not null,
  product_id  text not null,
  package_id  text not null,
  create_time timestamptz not null,
  read_time   timestamptz,
  primary key (account_id, message_id)
);

create index internal_messages_newest_first on internal_messages (account_id, create_time desc, message_id desc);
create index internal_messages_unread on internal_messages (account_id, create_time desc, message_id desc)
  where read_time is null;

-- Everything to deliver, written in the transaction of its cause. dedupe_key makes each
-- notification exactly-once (expiry reminders: reminder:<package_id>:<offset>d:<channel>), with
-- several replicas and restarts: writers insert ... on conflict do nothing. For the
-- INTERNAL_MESSAGE channel the message is already stored (message_id) when the row is written.
-- Statuses after PENDING and delivery attempts belong to the dispatcher.
create table notification_outbox (
  account_id      text not null references accounts (account_id),
  notification_id text not null,
  kind            text not null check (kind in ('QUOTA_ALERT', 'EXPIRY_REMINDER', 'SYSTEM')),
  channel         text not null check (channel in ('EMAIL', 'SMS', 'INTERNAL_MESSAGE')),
  recipient       text not null,
  subject         text not null,
  body            text not null,
  product_id      text not null,
  package_id      text not null,
  message_id      text,
  status          text not null,
  dedupe_key      text not null,
  create_time     timestamptz not null,
  primary key (account_id, notification_id),
  unique (account_id, dedupe_key),
  check ((channel = 'INTERNAL_MESSAGE') = (message_id is not null)),
  check ((channel = 'INTERNAL_MESSAGE') = (recipient = ''))
);

create index notification_outbox_pending on notification_outbox (create_time, notification_id)
  where status = 'PENDING';

-- The expiry-reminder scan (across accounts): packages with quota left, by expiry.
create index packages_expiring on packages (expire_time, account_id, package_id)
  where remaining_quantity > 0;
