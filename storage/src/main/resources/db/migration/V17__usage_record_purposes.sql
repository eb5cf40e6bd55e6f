-- A usage record keeps the purpose of each package it drew from, beside the package IDs, instead of
-- joining packages on every read (rp_deduction_purposes). The purposes are facts of the deduction (a
-- package's purpose never changes), and a read of one record then touches one table: on Citus
-- (V18, docs/scaling.md) the join ran as a function per row, which a distributed query cannot call.
alter table usage_records add column deduction_purposes text[];

update usage_records u
   set deduction_purposes = coalesce(
         (select array_agg(p.purpose order by d.n)
            from unnest(u.deduction_package_ids) with ordinality as d(package_id, n)
            join packages p on p.account_id = u.account_id and p.package_id = d.package_id),
         '{}');

alter table usage_records alter column deduction_purposes set not null;
alter table usage_records add constraint usage_records_deduction_purposes_match
  check (cardinality(deduction_purposes) = cardinality(deduction_package_ids));

drop function rp_deduction_purposes(text, text[]);
