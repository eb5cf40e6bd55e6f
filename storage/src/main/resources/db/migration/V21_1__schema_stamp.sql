-- The digest of the migrations this database was last brought fully up to date with (storage/db/
-- Migrations writes it after Flyway ran them all). A start whose own migrations have the same
-- digest skips Flyway: its scan, parsing and validation cost about as much CPU as the rest of a
-- start on an external database. Version 21.1, between V21 and later files, so databases that
-- already hold V21 take it in order.
create table rp_schema_stamp (
  id          integer primary key check (id = 1),
  digest      text not null,
  stamp_time  timestamptz not null
);

-- Read at every start from the coordinator alone: a reference table on Citus (V18).
select rp_place_table('rp_schema_stamp', false);
