package io.resourceplans.storage.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.quota.PlanPackage;
import io.resourceplans.storage.db.Sql;
import io.resourceplans.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * package_totals (V21) kept by every writer of packages: a purchase adds to it, a deduction takes
 * from it (both the Java full path's and rp_deduct) unless the package is already lapsed, and the
 * expiry pass takes what a package has left when it marks it lapsed. On a random history of all
 * three, with deductions that reach packages the pass has just marked (a usage whose time was
 * before the expiry), the totals rows stay the sum over the packages not lapsed, and
 * rp_active_totals equals the packages themselves at the pass's time and later.
 */
class PackageTotalsTest {
  private static final String ACCOUNT = "acc-totals";
  private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
  private static final List<String> REGIONS = List.of("cn-hangzhou", "ap-southeast-1");
  private static final List<Purpose> PURPOSES = List.of(Purpose.MARKETING, Purpose.GENERAL);
  private static TestDatabase db;

  @BeforeAll
  static void setUp() throws SQLException {
    db = TestDatabase.create();
    try (Connection c = db.dataSource().getConnection()) {
      Sql sql = new Sql(c);
      sql.update("""
          insert into accounts (account_id, display_name, contact_email, contact_phone, default_region_id,
                                identity_state, create_time)
          values (?, 'Totals', 't@example.com', '', 'cn-hangzhou', 'VERIFIED', '2026-01-01T00:00:00Z')
          """, ACCOUNT);
      sql.update("""
          insert into orders (account_id, order_id, state, region_id, product_id, plan_spec_id, resource,
                              configuration, quantity, purpose, issued_quantity, validity_months, currency,
                              unit_price, list_amount, voucher_discount, total_amount, accepted_terms_version,
                              terms_accept_time, created_by, create_time, expire_time, pay_time)
          values (?, 'ord-1', 'PAID', 'cn-hangzhou', 'sms-domestic', 'spec-1', 'r', 'c', 1, 'GENERAL', 1, 12,
                  'CNY', 1, 1, 0, 1, 'v1', now(), ?, now(), now(), now())
          """, ACCOUNT, ACCOUNT);
    }
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void totalsFollowPurchasesDeductionsAndTheExpiryPassIncludingDeductionsFromLapsedPackages() throws SQLException {
    Random random = new Random(21);
    Instant now = START;
    Instant lastPass = START;
    int lapsedDeductions = 0;
    int marked = 0;
    List<String> ids = new ArrayList<>();
    for (int step = 0; step < 400; step++) {
      int op = random.nextInt(10);
      try (Connection c = db.dataSource().getConnection()) {
        c.setAutoCommit(false);
        Sql sql = new Sql(c);
        SqlPackageRepository packages = new SqlPackageRepository(sql);
        if (op < 3 || ids.isEmpty()) {
          String id = "pkg-" + step;
          long total = 1 + random.nextInt(50);
          // Some already past expiry, as rows written late would be.
          Instant expire = now.plus(Duration.ofHours(random.nextInt(24 * 20) - 24));
          packages.insert(new PlanPackage(ACCOUNT, id, "SMS", "sms-domestic", "spec-1",
              PURPOSES.get(random.nextInt(PURPOSES.size())), REGIONS.get(random.nextInt(REGIONS.size())),
              total, random.nextInt(4) == 0 ? 0 : total, "ord-1", now, expire));
          ids.add(id);
        } else if (op < 8) {
          String id = ids.get(random.nextInt(ids.size()));
          var row = sql.one("select remaining_quantity, lapsed from packages where account_id = ? and package_id = ?",
              rs -> new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0}, ACCOUNT, id).orElseThrow();
          if (row[0] > 0) {
            long quantity = 1 + random.nextInt((int) row[0]);
            lapsedDeductions += (int) row[1];
            if (random.nextBoolean()) {
              packages.deduct(ACCOUNT, id, quantity);
            } else {
              sql.one("select rp_deduct(?, ?, ?)::text", rs -> rs.getString(1), ACCOUNT, id, quantity);
            }
          }
        } else if (op == 8) {
          now = now.plus(Duration.ofHours(random.nextInt(72)));
        } else {
          marked += packages.markLapsed(now, null).size();
          lastPass = now;
        }
        sql.flushAndCommit();
        c.commit();
      }
      assertEquals(rebuilt(), kept(), "package_totals after step " + step);
      for (Instant moment : List.of(lastPass, now, now.plus(Duration.ofDays(random.nextInt(25))))) {
        if (!moment.isBefore(lastPass)) {
          assertEquals(bruteForce(moment), activeTotals(moment), "at " + moment + " after step " + step);
        }
      }
    }
    assertTrue(marked >= 20 && lapsedDeductions >= 5, "the history exercised the pass: " + marked + " marked, "
        + lapsedDeductions + " deductions from lapsed packages");
  }

  /** The maintained rows. */
  private static List<String> kept() throws SQLException {
    return strings("""
        select product_id || ' ' || region_id || ' ' || purpose || ' ' || remaining || ' ' || packages
          from package_totals where account_id = ? order by 1
        """);
  }

  /** What the rows must hold: every package not lapsed. */
  private static List<String> rebuilt() throws SQLException {
    return strings("""
        select product_id || ' ' || region_id || ' ' || purpose || ' '
               || coalesce(sum(remaining_quantity) filter (where not lapsed), 0) || ' '
               || count(*) filter (where not exhausted and not lapsed)
          from packages where account_id = ? group by product_id, region_id, purpose order by 1
        """);
  }

  private static List<String> activeTotals(Instant moment) throws SQLException {
    return strings("""
        select product_id || ' ' || purpose || ' ' || remaining || ' ' || packages
          from rp_active_totals(?, null, null, null, ?) where packages > 0 order by 1
        """, moment);
  }

  /** A package counts while it has quantity left, is not past expiry and the pass has not marked it. */
  private static List<String> bruteForce(Instant moment) throws SQLException {
    return strings("""
        select product_id || ' ' || purpose || ' ' || sum(remaining_quantity) || ' ' || count(*)
          from packages
         where account_id = ? and remaining_quantity > 0 and expire_time > ? and not lapsed
         group by product_id, purpose order by 1
        """, moment);
  }

  private static List<String> strings(String query, Object... more) throws SQLException {
    Object[] args = new Object[more.length + 1];
    args[0] = ACCOUNT;
    System.arraycopy(more, 0, args, 1, more.length);
    try (Connection c = db.dataSource().getConnection()) {
      return new Sql(c).list(query, rs -> rs.getString(1), args);
    }
  }
}
