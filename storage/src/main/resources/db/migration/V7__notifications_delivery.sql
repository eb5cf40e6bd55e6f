-- Notification delivery: the account's language and channel choices, and the dispatcher's columns
-- on the outbox (claim lease, attempts, backoff, outcome).

-- The five kinds of notification, on both the outbox and the stored internal messages.
alter table notification_outbox drop constraint notification_outbox_kind_check;
alter table notification_outbox add constraint notification_outbox_kind_check
  check (kind in ('QUOTA_ALERT', 'EXPIRY_REMINDER', 'SYSTEM', 'ORDER_PAID', 'VERIFICATION_CODE'));
alter table internal_messages drop constraint internal_messages_kind_check;
alter table internal_messages add constraint internal_messages_kind_check
  check (kind in ('QUOTA_ALERT', 'EXPIRY_REMINDER', 'SYSTEM', 'ORDER_PAID', 'VERIFICATION_CODE'));

-- Per account: the language notifications are written in, and which of email and SMS each kind
-- goes out on (internal messages are always kept). No row = English, email and SMS for every kind.
-- The contacts themselves stay on accounts (contact_email, contact_phone).
create table notification_settings (
  account_id  text primary key references accounts (account_id),
  language    text not null check (language in ('EN', 'ZH_CN')),
  -- kinds whose email / SMS the account turned off
  email_off   text[] not null default '{}'
                check (email_off <@ array['QUOTA_ALERT', 'EXPIRY_REMINDER', 'SYSTEM', 'ORDER_PAID']),
  sms_off     text[] not null default '{}'
                check (sms_off <@ array['QUOTA_ALERT', 'EXPIRY_REMINDER', 'SYSTEM', 'ORDER_PAID']),
  update_time timestamptz not null
);

-- Delivery state. Every new column is nullable or has a default, so an insert naming only the
-- V6 columns still works (status 'PENDING', due at its create_time).
--   PENDING    waiting for (another) attempt, due at coalesce(next_attempt_time, create_time);
--              a dispatcher that claims it sets lease_owner / lease_until and delivers outside
--              any transaction; a lease past lease_until (a crashed replica) may be claimed again.
--   DELIVERED  handed to the SMTP server / SMS gateway (or, for internal messages, stored).
--   SKIPPED    not sent: last_error says why (e.g. "channel not configured").
--   FAILED     every attempt failed, or one failed permanently: last_error is the last error.
alter table notification_outbox
  add column language          text not null default 'EN' check (language in ('EN', 'ZH_CN')),
  add column html_body         text,
  add column attempts          integer not null default 0 check (attempts >= 0),
  add column next_attempt_time timestamptz,
  add column lease_owner       text,
  add column lease_until       timestamptz,
  add column last_error        text,
  add column finish_time       timestamptz,
  add constraint notification_outbox_status_check
    check (status in ('PENDING', 'DELIVERED', 'SKIPPED', 'FAILED')),
  add constraint notification_outbox_finished_check
    check ((status = 'PENDING') = (finish_time is null));

-- The dispatcher's claim: due pending rows, oldest due first.
drop index notification_outbox_pending;
create index notification_outbox_due on notification_outbox
  (coalesce(next_attempt_time, create_time), notification_id) where status = 'PENDING';

-- Operators list notifications by status, newest first.
create index notification_outbox_by_status on notification_outbox (status, create_time desc, notification_id desc);
