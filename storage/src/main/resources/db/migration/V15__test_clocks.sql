-- Test clocks (issue 13): simulated time for test accounts, in the manner of Stripe's test clocks.
-- An account is attached at creation, for life; its "now" is its clock's frozen_time.
create table test_clocks (
  test_clock_id text primary key,
  name          text not null,
  frozen_time   timestamptz not null,
  create_time   timestamptz not null
);

create index test_clocks_by_create_time on test_clocks (create_time, test_clock_id);

-- Null for real accounts (all existing ones): adding a nullable column rewrites nothing.
alter table accounts add column test_clock_id text references test_clocks (test_clock_id);

create index accounts_by_test_clock on accounts (test_clock_id) where test_clock_id is not null;
