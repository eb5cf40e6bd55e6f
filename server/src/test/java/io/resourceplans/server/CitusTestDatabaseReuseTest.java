package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.resourceplans.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Citus suite's test databases (TestDatabase): a class's database is kept for the next class
 * emptied back to what the migrations left, and one whose schema a test changed is not kept.
 */
@Tag("citus-only")
class CitusTestDatabaseReuseTest {
  @Test
  void theNextClassGetsTheDatabaseEmptiedWithTheMigrationsRowsBack() throws SQLException {
    String name;
    List<String> regions;
    try (TestDatabase used = TestDatabase.create()) {
      name = name(used);
      regions = rows(used, "select region_id || ' ' || display_name from regions order by 1");
      execute(used, "update regions set display_name = 'renamed by a test'");
      execute(used, """
          insert into accounts (account_id, display_name, contact_email, contact_phone, default_region_id,
                                identity_state, create_time)
          values ('acct-left-behind', 'Left Behind', 'left@example.com', '+6500000000', 'ap-southeast-1',
                  'UNVERIFIED', now())
          """);
    }
    try (TestDatabase next = TestDatabase.create()) {
      assertEquals(name, name(next));
      assertEquals(regions, rows(next, "select region_id || ' ' || display_name from regions order by 1"));
      assertEquals(List.of("0"), rows(next, "select count(*)::text from accounts"));
    }
  }

  @Test
  void aDatabaseWhoseSchemaATestChangedIsDroppedNotKept() throws SQLException {
    String name;
    try (TestDatabase changed = TestDatabase.create()) {
      name = name(changed);
      execute(changed, "alter table regions add column left_by_a_test integer");
    }
    try (TestDatabase next = TestDatabase.create()) {
      assertNotEquals(name, name(next));
      assertFalse(rows(next, "select datname::text from pg_database").contains(name));
      assertEquals(List.of(), rows(next, """
          select column_name::text from information_schema.columns
           where table_name = 'regions' and column_name = 'left_by_a_test'
          """));
    }
  }

  private static String name(TestDatabase db) {
    return db.settings().jdbcUrl().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
  }

  private static void execute(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> rows(TestDatabase db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
