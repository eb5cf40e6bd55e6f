-- RecordUsage's usage record is its own idempotency record (issue 12). Usage records are kept for
-- good, so a RecordUsage retry is answered from its record at any age, and idempotency_records
-- holds only the other mutations' answers: a purge job deletes those after the retention
-- (--idempotency-retention-hours). Per message this is one heap row and one index entry fewer (the
-- claim) and one unique index entry more.

-- The fingerprint of the request that wrote the record: the same request ID with other content is
-- refused, as before.
alter table usage_records add column fingerprint bytea;

-- A RecordUsage's claim was scoped by the account (Principal.idempotencyScope), so it names its
-- record by (account, request ID), and no two records share one.
update usage_records u
   set fingerprint = i.fingerprint
  from idempotency_records i
 where i.scope = u.account_id and i.request_id = u.request_id;

-- Every usage record was written with its claim; one written by hand without it gets a fingerprint
-- no request has, so a retry of it is refused as reused, never recorded twice.
update usage_records set fingerprint = '\x'::bytea where fingerprint is null;

alter table usage_records alter column fingerprint set not null;

-- The request ID's look-up, and the guard that records it once: concurrent duplicates wait for the
-- first to commit, then find its record.
create unique index usage_records_by_request on usage_records (account_id, request_id);

-- The claims are now redundant. A RecordUsage request ID must not stay in idempotency_records: the
-- usage path refuses an ID found there as another mutation's.
delete from idempotency_records i
 using usage_records u
 where i.scope = u.account_id and i.request_id = u.request_id;

-- V11's one-call function and its claim look-up read the claims; R__usage_functions.sql defines the
-- function again on usage_records (with no scopes argument: a usage request's scope is its account).
drop function rp_record_covered_usages(text[], text[], bytea[], text[], text[], text[], text[], text[], bigint[],
                                       text[], timestamptz[]);
drop function rp_claimed_usage(text, text, text);
alter table idempotency_records drop column usage_id;

-- The purge's scan, oldest first. Only the other mutations write this table now, so the index costs
-- the usage path nothing.
create index idempotency_records_by_create_time on idempotency_records (create_time);
