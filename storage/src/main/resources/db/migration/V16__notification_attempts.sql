-- Every delivery attempt of a notification, so an operator can see why an e-mail or SMS did not
-- arrive (each error, when, from which dispatcher) rather than only the last error on the outbox
-- row. Written in the transaction that records the attempt's outcome on the outbox row, and only
-- by the dispatcher that still holds the row's lease, so a replica that lost its lease adds nothing.
-- seq numbers the attempts of one notification from 1 (the outbox's attempts count restarts when an
-- operator queues it again; the history does not).
create table notification_attempts (
  account_id      text not null,
  notification_id text not null,
  seq             integer not null check (seq >= 1),
  attempt_time    timestamptz not null,
  outcome         text not null check (outcome in ('DELIVERED', 'SKIPPED', 'RETRYING', 'FAILED')),
  error           text,
  dispatcher      text not null,
  primary key (account_id, notification_id, seq),
  foreign key (account_id, notification_id) references notification_outbox (account_id, notification_id),
  check ((outcome = 'DELIVERED') = (error is null))
);
