-- A sub-user may have its own email and phone ('' = none). It then receives, besides the
-- account's contacts, the email and SMS notifications whose subject its permissions cover:
-- quota alerts and expiry reminders with PERMISSION_PRODUCT_ACCESS, paid orders with
-- PERMISSION_ORDER_ACCESS. Internal messages stay one inbox per account.
alter table sub_users
  add column contact_email text not null default '',
  add column contact_phone text not null default '';
