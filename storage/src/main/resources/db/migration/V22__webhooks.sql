-- Signed webhooks (docs/webhooks.md): the endpoints an account registers, and one delivery row per
-- event and subscribed endpoint, written in the transaction of the event's cause and delivered by
-- the webhook dispatcher with the notification outbox's claim / lease / backoff scheme (V7).

-- On Citus (V18), distributing the tables below in the migrations' transaction, after DDL on
-- reference tables with foreign keys into distributed ones, needs one connection per node (as V19).
do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    set local citus.multi_shard_modify_mode = 'sequential';
  end if;
end
$$;

-- An account's HTTPS endpoint. The signing secret is kept as is (HMAC needs it), returned only by
-- the RPC that creates or rotates it, never logged. During a rotation's overlap the replaced secret
-- stays in previous_secret until previous_secret_until, and deliveries carry a signature for each.
-- A deleted endpoint keeps its row (delete_time) so its deliveries stay listable.
create table webhook_endpoints (
  account_id            text not null references accounts (account_id),
  endpoint_id           text not null,
  url                   text not null check (length(url) between 1 and 2048),
  event_kinds           text[] not null check (cardinality(event_kinds) >= 1),
  description           text not null default '',
  secret                text not null,
  previous_secret       text,
  previous_secret_until timestamptz,
  create_time           timestamptz not null,
  update_time           timestamptz not null,
  delete_time           timestamptz,
  primary key (account_id, endpoint_id),
  check ((previous_secret is null) = (previous_secret_until is null))
);

create index webhook_endpoints_live on webhook_endpoints (account_id, create_time, endpoint_id)
  where delete_time is null;

-- One event for one endpoint. payload is the JSON body exactly as sent (the signature is computed
-- over it at each attempt, with that attempt's timestamp). dedupe_key makes an event's delivery
-- exactly-once per endpoint whatever transaction retries write it.
--   PENDING    due at coalesce(next_attempt_time, create_time); claimed under a lease as in V7.
--   DELIVERED  the endpoint answered 2xx.
--   FAILED     give_up_time passed with every attempt failed, or the endpoint was deleted.
create table webhook_deliveries (
  account_id        text not null,
  delivery_id       text not null,
  endpoint_id       text not null,
  event_id          text not null,
  event_kind        text not null,
  payload           text not null,
  dedupe_key        text not null,
  status            text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
  attempts          integer not null default 0 check (attempts >= 0),
  next_attempt_time timestamptz,
  lease_owner       text,
  lease_until       timestamptz,
  last_error        text,
  last_status_code  integer,
  create_time       timestamptz not null,
  give_up_time      timestamptz not null,
  finish_time       timestamptz,
  primary key (account_id, delivery_id),
  unique (account_id, endpoint_id, dedupe_key),
  foreign key (account_id, endpoint_id) references webhook_endpoints (account_id, endpoint_id),
  check ((status = 'PENDING') = (finish_time is null))
);

-- The dispatcher's claim across accounts: due pending rows, oldest due first (as notification_outbox_due).
create index webhook_deliveries_due on webhook_deliveries
  (coalesce(next_attempt_time, create_time), delivery_id) where status = 'PENDING';
-- ListWebhookDeliveries: an account's deliveries newest first.
create index webhook_deliveries_newest_first on webhook_deliveries (account_id, create_time desc, delivery_id desc);

select rp_place_table('webhook_endpoints', true);
select rp_place_table('webhook_deliveries', true);
