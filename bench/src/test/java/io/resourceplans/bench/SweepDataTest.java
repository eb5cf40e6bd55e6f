package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sweep's history, inserted into a real migrated database: the schema's constraints check it too. */
class SweepDataTest {
  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void growsInStepsToTheSizeAskedForAndNoFurther() throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      account(c, "acc-steps");
      assertEquals(1_000, SweepData.grow(c, "acc-steps", 1_000, true));
      assertEquals(3_000, SweepData.grow(c, "acc-steps", 4_000, true));
      assertEquals(0, SweepData.grow(c, "acc-steps", 4_000, true));
      assertEquals(0, SweepData.grow(c, "acc-steps", 10, true));
      SweepData.Mix mix = SweepData.mix(c, "acc-steps", "sms-domestic", "ap-southeast-1", "VERIFICATION_NOTIFICATION");
      assertEquals(4_000, mix.total());
      assertEquals(mix.total(), mix.active() + mix.expired() + mix.exhausted());
      assertEquals(4_000, count(c, "select count(*) from orders where account_id = 'acc-steps' and state = 'PAID'"));
    }
  }

  @Test
  void aPackageIsTheSameWhateverStepsTheAccountGrewIn() throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      account(c, "acc-in-steps");
      account(c, "acc-at-once");
      account(c, "acc-unchecked");
      SweepData.grow(c, "acc-in-steps", 500, true);
      SweepData.grow(c, "acc-in-steps", 1_500, true);
      SweepData.grow(c, "acc-at-once", 1_500, true);
      // Without the foreign-key checks (when the connection may skip them): the same rows.
      SweepData.grow(c, "acc-unchecked", 1_500, false);
      assertEquals(describe(c, "acc-at-once"), describe(c, "acc-in-steps"));
      assertEquals(describe(c, "acc-at-once"), describe(c, "acc-unchecked"));
      assertEquals(1_500, count(c, "select count(*) from packages p join orders o using (account_id, order_id) where p.account_id = 'acc-unchecked'"));
    }
  }

  @Test
  void mostPackagesAreUsedUpOrExpiredAndSomeActiveOnesAreUsableByTheBenchmarksUsage() throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      account(c, "acc-mix");
      SweepData.grow(c, "acc-mix", 20_000, true);
      SweepData.Mix mix = SweepData.mix(c, "acc-mix", "sms-domestic", "ap-southeast-1", "VERIFICATION_NOTIFICATION");
      assertTrue(mix.active() > 100 && mix.active() < 400, "about 1 % active: " + mix);
      assertTrue(mix.expired() > 2_000 && mix.expired() < 3_600, "about 14 % expired: " + mix);
      assertTrue(mix.usable() > 30 && mix.usable() < mix.active(), "some active ones usable by the usage: " + mix);
      // Several products, regions and purposes among the active ones.
      assertEquals(3, count(c, "select count(distinct product_id) from packages where account_id = 'acc-mix' and remaining_quantity > 0 and expire_time > now()"));
      assertEquals(2, count(c, "select count(distinct region_id) from packages where account_id = 'acc-mix' and remaining_quantity > 0 and expire_time > now()"));
      assertEquals(3, count(c, "select count(distinct purpose) from packages where account_id = 'acc-mix' and remaining_quantity > 0 and expire_time > now()"));
      // Active ones keep at least half and expire at least about a month from now: the sweep's usage does not use them up.
      assertEquals(0, count(c, """
          select count(*) from packages where account_id = 'acc-mix' and remaining_quantity > 0 and expire_time > now()
             and (remaining_quantity * 2 < total_quantity or expire_time < now() + interval '20 days')
          """));
      // Custom packages are never general, as the catalog sells them; each package matches its order.
      assertEquals(0, count(c, "select count(*) from packages where account_id = 'acc-mix' and plan_spec_id like '%-custom' and purpose = 'GENERAL'"));
      assertEquals(0, count(c, """
          select count(*) from packages p join orders o on o.account_id = p.account_id and o.order_id = p.order_id
           where p.account_id = 'acc-mix'
             and (o.product_id <> p.product_id or o.purpose <> p.purpose or o.region_id <> p.region_id
                  or o.issued_quantity <> p.total_quantity or o.pay_time <> p.purchase_time)
          """));
      // Purchases over about three years, package IDs in the console's format.
      assertTrue(count(c, "select count(*) from packages where account_id = 'acc-mix' and purchase_time < now() - interval '700 days'") > 1_000);
      assertEquals(0, count(c, "select count(*) from packages where account_id = 'acc-mix' and package_id !~ '^U1[ABG][0-9]{6}S[0-9]{9}$'"));
      List<String> sample = SweepData.samplePackageIds(c, "acc-mix", 100);
      assertFalse(sample.isEmpty());
      assertTrue(sample.size() <= 100);
    }
  }

  private static void account(Connection c, String accountId) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("insert into accounts (account_id, display_name, contact_email, contact_phone, default_region_id,"
          + " identity_state, create_time) values ('" + accountId + "', 'Sweep', 'sweep@bench.example.com', '',"
          + " 'ap-southeast-1', 'VERIFIED', now())");
    }
  }

  private static List<String> describe(Connection c, String accountId) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select order_id, product_id, plan_spec_id, purpose, region_id, total_quantity,"
            + " remaining_quantity, expire_time > now() from packages where account_id = '" + accountId + "' order by order_id")) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
