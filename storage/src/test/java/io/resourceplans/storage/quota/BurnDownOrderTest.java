package io.resourceplans.storage.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.storage.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one definition of the burn-down order (rp_take_packages), which every path that draws from or
 * locks packages goes through, and the early stop that keeps the usage path's cost independent of
 * how many packages an account holds.
 */
class BurnDownOrderTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static TestDatabase db;
  private static Jdbi jdbi;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    jdbi = Jdbi.create(db.dataSource());
    jdbi.useHandle(h -> {
      h.execute("""
          insert into accounts (account_id, display_name, contact_email, contact_phone, default_region_id,
                                identity_state, create_time)
          values ('acc-1', 'Burn', 'b@example.com', '', 'cn-hangzhou', 'VERIFIED', '2026-01-01T00:00:00Z')
          """);
      h.execute("""
          insert into orders (account_id, order_id, state, region_id, product_id, plan_spec_id, resource,
                              configuration, quantity, purpose, issued_quantity, validity_months, currency,
                              unit_price, list_amount, voucher_discount, total_amount, accepted_terms_version,
                              terms_accept_time, created_by, create_time, expire_time, pay_time)
          values ('acc-1', 'ord-1', 'PAID', 'cn-hangzhou', 'sms-domestic', 'spec-1', 'r', 'c', 1, 'GENERAL', 1, 12,
                  'CNY', 1, 1, 0, 1, 'v1', now(), 'acc-1', now(), now(), now())
          """);
      // id, purpose, expire, purchase, remaining
      insert(h, "general-soonest", "GENERAL", "2027-01-01", "2026-01-01", 10);
      insert(h, "exact-late", "MARKETING", "2027-06-01", "2026-03-01", 10);
      insert(h, "exact-soon-new", "MARKETING", "2027-02-01", "2026-05-01", 10);
      insert(h, "exact-soon-old", "MARKETING", "2027-02-01", "2026-04-01", 10);
      insert(h, "exact-soon-old2", "MARKETING", "2027-02-01", "2026-04-01", 10);
      insert(h, "general-late", "GENERAL", "2027-09-01", "2026-01-01", 10);
      insert(h, "exact-spent", "MARKETING", "2027-01-15", "2026-02-01", 0);
      insert(h, "exact-expired", "MARKETING", "2026-11-01", "2025-11-01", 10);
      insert(h, "other-purpose", "VERIFICATION_NOTIFICATION", "2027-01-02", "2026-01-01", 10);
      h.execute("select rp_rebuild_package_totals('acc-1')");
    });
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void exactPurposeThenGeneralThenEarliestExpiryThenOldestPurchaseThenIdSkippingSpentAndExpired() {
    assertEquals(
        List.of("exact-soon-old", "exact-soon-old2", "exact-soon-new", "exact-late", "general-soonest", "general-late"),
        ids("select package_id from rp_take_packages('acc-1', 'sms-domestic', 'cn-hangzhou', 'MARKETING', ?, 1000, false)"));
  }

  @Test
  void generalUsageDrawsFromGeneralPackagesOnce() {
    assertEquals(
        List.of("general-soonest", "general-late"),
        ids("select package_id from rp_take_packages('acc-1', 'sms-domestic', 'cn-hangzhou', 'GENERAL', ?, 1000, false)"));
  }

  @Test
  void takingStopsAtThePackageThatCompletesTheQuantity() {
    assertEquals(
        List.of("exact-soon-old", "exact-soon-old2"),
        ids("select package_id from rp_take_packages('acc-1', 'sms-domestic', 'cn-hangzhou', 'MARKETING', ?, 11, true)"));
    assertEquals(
        List.of("exact-soon-old", "exact-soon-old2", "exact-soon-new", "exact-late", "general-soonest", "general-late"),
        ids("select package_id from rp_take_packages('acc-1', 'sms-domestic', 'cn-hangzhou', 'MARKETING', ?, 1000, false)"),
        "all of them when they fall short");
  }

  @Test
  void activeTotalsCountWhatIsLeftOfUnexpiredPackages() {
    List<String> totals =
        jdbi.withHandle(h -> h.createQuery("""
                select purpose || ' ' || remaining || ' ' || packages
                  from rp_active_totals('acc-1', 'sms-domestic', null, null, ?) order by purpose
                """).bind(0, NOW).mapTo(String.class).list());
    assertEquals(List.of("GENERAL 20 2", "MARKETING 40 4", "VERIFICATION_NOTIFICATION 10 1"), totals);
  }

  private static List<String> ids(String query) {
    return jdbi.withHandle(h -> h.createQuery(query).bind(0, NOW).mapTo(String.class).list());
  }

  private static void insert(org.jdbi.v3.core.Handle h, String id, String purpose, String expire, String purchase, long remaining) {
    h.execute("""
        insert into packages (account_id, package_id, display_name, product_id, plan_spec_id, purpose, region_id,
                              total_quantity, remaining_quantity, order_id, purchase_time, expire_time, exhausted)
        values ('acc-1', ?, 'SMS', 'sms-domestic', 'spec-1', ?, 'cn-hangzhou', 10, ?, 'ord-1',
                cast(? as timestamptz), cast(? as timestamptz), ? = 0)
        """, id, purpose, remaining, purchase, expire, remaining);
  }
}
