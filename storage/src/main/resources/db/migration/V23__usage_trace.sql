-- The funding trace of usage (issue 19): which packages paid for each usage record, and how much
-- from each, was already on the record itself (V9: deduction arrays in burn-down order; the
-- pay-as-you-go quantity, unit price and charge since V5). This adds the campaign tag and what lists
-- them by package.

-- On Citus (V18): one connection per node for the DDL below, as V19 and V22.
do $$
begin
  if exists (select 1 from pg_extension where extname = 'citus') then
    set local citus.multi_shard_modify_mode = 'sequential';
  end if;
end
$$;

-- A free campaign tag of the request (RecordUsage, each RecordUsages item); null when none.
alter table usage_records add column tag text;

-- ListUsageRecords / ExportUsageRecords by tag, newest first. Partial: only tagged records pay for
-- it on the usage path.
create index usage_records_by_tag on usage_records (account_id, tag, record_time desc, usage_id desc)
  where tag is not null;

-- One row per package a usage record drew from: a package's consumption history (GetPackage,
-- ListUsageRecords by package_id) read in order from the primary key, newest first, without reading
-- other packages' records. The record keeps its deductions (the answer's source); this table only
-- finds the records by package, and keeps the quantity so a package's total draw is one index
-- range. Written with the record in its transaction: by rp_record_covered_usages (one insert per
-- run of items) and by the Java full path (a held write, sent with COMMIT: no extra round trip).
-- Measured (docs/benchmark.md): cheaper per record than a GIN index on deduction_package_ids,
-- which could not read a package's records in time order anyway.
create table usage_package_draws (
  account_id  text not null,
  package_id  text not null,
  record_time timestamptz not null,
  usage_id    text not null,
  quantity    bigint not null check (quantity > 0),
  primary key (account_id, package_id, record_time, usage_id)
);

-- Per account, co-located with usage_records and packages (V18); placed before it is filled, so on
-- Citus the fill below runs on each worker.
select rp_place_table('usage_package_draws', true);

insert into usage_package_draws (account_id, package_id, record_time, usage_id, quantity)
select u.account_id, d.package_id, u.record_time, u.usage_id, d.quantity
  from usage_records u
 cross join lateral unnest(u.deduction_package_ids, u.deduction_quantities) as d(package_id, quantity);
