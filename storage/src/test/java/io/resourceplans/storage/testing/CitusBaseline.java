package io.resourceplans.storage.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A fully migrated test database as the migrations left it: its schema (as a digest), the rows
 * the migrations themselves wrote (the catalogue, the terms) and its sequences' positions. {@link #restore} empties a database a
 * test class has used back to that state, so that the next class can have it instead of a new one.
 */
final class CitusBaseline {
  /**
   * What a test could change and not change back: columns, indexes, constraints, functions,
   * triggers and the applied migrations. Joined to pg_class, which Citus filters, so that the
   * coordinator's shard placements (named by shard ID) stay out of it.
   */
  private static final String SCHEMA_DIGEST = """
      select md5(string_agg(item, E'\\n' order by item)) from (
        select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
            || ' ' || coalesce(column_default, '') || ' ' || is_generated as item
          from information_schema.columns where table_schema = 'public'
        union all
        select 'index ' || i.indexdef
          from pg_indexes i join pg_class c on c.relname = i.tablename and c.relnamespace = 'public'::regnamespace
          where i.schemaname = 'public'
        union all
        select 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
          from pg_constraint k join pg_class c on c.oid = k.conrelid
          where c.relnamespace = 'public'::regnamespace
        union all
        select 'function ' || p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid))
          from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prokind in ('f', 'p')
        union all
        select 'trigger ' || c.relname || ' ' || t.tgname || ' ' || t.tgenabled::text
          from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where not t.tgisinternal and c.relnamespace = 'public'::regnamespace
        union all
        select 'migrations ' || count(*) || ' ' || coalesce(max(installed_rank), 0) || ' '
            || coalesce(sum(checksum), 0) from flyway_schema_history
      ) items
      """;

  private static final String TABLES = """
      select c.relname from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and c.relname <> 'flyway_schema_history'
      order by c.relname
      """;

  /** A table's columns that an insert may name (not generated ones), in order. */
  private static final String INSERTABLE_COLUMNS = """
      select string_agg(quote_ident(column_name), ', ' order by ordinal_position)
      from information_schema.columns
      where table_schema = 'public' and table_name = ? and is_generated = 'NEVER'
      """;

  /** Where the sequences (of identity columns) stood: a seeded row keeps its number, the next row gets the next. */
  private static final String SEQUENCES = """
      select quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value, start_value
      from pg_sequences where schemaname = 'public'
      """;

  /** The rows of one table the migrations wrote, as a JSON array, and the columns to put back. */
  private record SeedRows(String table, String columns, String json) {}

  /** A sequence's position: {@code lastValue} null when no row has taken a number yet. */
  private record SequencePosition(String sequence, Long lastValue, long startValue) {}

  private final String schemaDigest;
  private final List<String> tables;
  private final List<SeedRows> seeds;
  private final List<SequencePosition> sequences;

  private CitusBaseline(
      String schemaDigest, List<String> tables, List<SeedRows> seeds, List<SequencePosition> sequences) {
    this.schemaDigest = schemaDigest;
    this.tables = tables;
    this.seeds = seeds;
    this.sequences = sequences;
  }

  /** The baseline of a database no test has used yet. */
  static CitusBaseline read(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (var s = c.createStatement();
        var rs = s.executeQuery(TABLES)) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    List<SeedRows> seeds = new ArrayList<>();
    for (String table : tables) {
      String json;
      try (var s = c.createStatement();
          var rs = s.executeQuery("select json_agg(t)::text from " + quote(table) + " t")) {
        rs.next();
        json = rs.getString(1);
      }
      if (json != null) {
        try (var s = c.prepareStatement(INSERTABLE_COLUMNS)) {
          s.setString(1, table);
          try (var rs = s.executeQuery()) {
            rs.next();
            seeds.add(new SeedRows(table, rs.getString(1), json));
          }
        }
      }
    }
    List<SequencePosition> sequences = new ArrayList<>();
    try (var s = c.createStatement();
        var rs = s.executeQuery(SEQUENCES)) {
      while (rs.next()) {
        long lastValue = rs.getLong(2);
        sequences.add(new SequencePosition(rs.getString(1), rs.wasNull() ? null : lastValue, rs.getLong(3)));
      }
    }
    return new CitusBaseline(schemaDigest(c), List.copyOf(tables), List.copyOf(seeds), List.copyOf(sequences));
  }

  /**
   * Empties every table and puts the migrations' rows back, in one transaction; false, with nothing
   * changed, when the schema is no longer the baseline's (a test changed it and did not change it back).
   */
  boolean restore(Connection c) throws SQLException {
    if (!schemaDigest.equals(schemaDigest(c))) {
      return false;
    }
    c.setAutoCommit(false);
    try (var s = c.createStatement()) {
      s.execute("truncate table " + String.join(", ", tables.stream().map(CitusBaseline::quote).toList()));
      for (SeedRows seed : seeds) {
        try (var insert = c.prepareStatement(
            "insert into " + quote(seed.table()) + " (" + seed.columns() + ") overriding system value select "
                + seed.columns()
                + " from json_populate_recordset(null::" + quote(seed.table()) + ", ?::json)")) {
          insert.setString(1, seed.json());
          insert.execute();
        }
      }
      for (SequencePosition position : sequences) {
        try (var setval = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
          setval.setString(1, position.sequence());
          setval.setLong(2, position.lastValue() == null ? position.startValue() : position.lastValue());
          setval.setBoolean(3, position.lastValue() != null);
          setval.execute();
        }
      }
      c.commit();
      return true;
    } catch (SQLException e) {
      c.rollback();
      throw e;
    }
  }

  private static String schemaDigest(Connection c) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery(SCHEMA_DIGEST)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
