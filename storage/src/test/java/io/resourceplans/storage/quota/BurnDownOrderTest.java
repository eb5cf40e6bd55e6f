package io.resourceplans.storage.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.storage.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one definition of the burn-down order (rp_burn_down_key), which every package query sorts by. */
class BurnDownOrderTest {
  private static TestDatabase db;
  private static Jdbi jdbi;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    jdbi = Jdbi.create(db.dataSource());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void exactPurposeThenGeneralThenEarliestExpiryThenOldestPurchaseThenId() {
    List<String> order =
        jdbi.withHandle(
            h ->
                h.createQuery("""
                    select id from (values
                        ('general-soonest', 'GENERAL',   '2027-01-01'::timestamptz, '2026-01-01'::timestamptz),
                        ('exact-late',      'MARKETING', '2027-06-01', '2026-03-01'),
                        ('exact-soon-new',  'MARKETING', '2027-02-01', '2026-05-01'),
                        ('exact-soon-old',  'MARKETING', '2027-02-01', '2026-04-01'),
                        ('exact-soon-old2', 'MARKETING', '2027-02-01', '2026-04-01'),
                        ('general-late',    'GENERAL',   '2027-09-01', '2026-01-01')
                      ) as p(id, purpose, expire_time, purchase_time)
                     order by rp_burn_down_key(purpose, 'MARKETING', expire_time, purchase_time, id)
                    """)
                    .mapTo(String.class)
                    .list());
    assertEquals(
        List.of("exact-soon-old", "exact-soon-old2", "exact-soon-new", "exact-late", "general-soonest", "general-late"),
        order);
  }
}
