-- The account event log (docs/events.md): every event the service reports about an account (the
-- webhook events of V22, whatever kinds come later), written once, in the transaction of its cause,
-- whether or not the account has webhook endpoints. WatchAccountEvents streams it; the webhook
-- deliveries of an event carry its event_id.

-- On Citus, as V22: distributing in the migrations' transaction after DDL on reference tables.
do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    set local citus.multi_shard_modify_mode = 'sequential';
  end if;
end
$$;

-- The last sequence number given to an event of the account. The one writer (AccountEventDao.append)
-- updates this row first, in the cause's transaction, and keeps its row lock until that transaction
-- ends; the next writer of the account waits for it and then reads the committed number. So the
-- numbers of an account commit in their own order and without holes (a rolled-back writer's
-- increment rolls back with it): a reader that has seen every event up to N can wait for N + 1,
-- and an event it has not seen never commits with a smaller number. No other path locks this row
-- (the usage path does not touch it unless its transaction emits an event).
create table account_event_counters (
  account_id    text not null references accounts (account_id),
  last_sequence bigint not null check (last_sequence >= 0),
  primary key (account_id)
);

-- One event. payload is the JSON body exactly as webhooks send it ({"id","kind","createTime",
-- "accountId","data"}). create_time is when the cause happened (the account's time, the body's
-- createTime); record_time is the server's time of writing, which retention goes by. dedupe_key is
-- the cause's own key (an order's payment, a package's reminder at an offset): a retried or repeated
-- cause writes its event once.
create table account_events (
  account_id  text not null references accounts (account_id),
  sequence    bigint not null check (sequence >= 1),
  event_id    text not null,
  kind        text not null,
  payload     text not null,
  dedupe_key  text not null,
  create_time timestamptz not null,
  record_time timestamptz not null,
  primary key (account_id, sequence),
  unique (account_id, event_id),
  unique (account_id, kind, dedupe_key)
);

-- Retention deletes the oldest recorded events across accounts in bounded batches.
create index account_events_record_time on account_events (record_time);

select rp_place_table('account_event_counters', true);
select rp_place_table('account_events', true);
