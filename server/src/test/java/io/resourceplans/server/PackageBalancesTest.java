package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The remaining quantities every reader uses (rp_active_totals: package_totals less the packages
 * past expiry the expiry pass has not marked) equal the sum over the packages themselves, after
 * purchases and usage through both usage paths (packages alone, alerts, pay-as-you-go), at any
 * moment around and after a package's expiry, before the expiry pass has run at that moment and
 * after.
 */
@Tag("citus")
class PackageBalancesTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();

  private static final String BRUTE_FORCE = """
      select product_id || ' ' || purpose || ' ' || sum(remaining_quantity) || ' ' || count(*)
        from packages
       where account_id = :a and remaining_quantity > 0 and expire_time > :now and not lapsed
       group by product_id, purpose order by product_id, purpose
      """;
  private static final String TOTALS = """
      select product_id || ' ' || purpose || ' ' || remaining || ' ' || packages
        from rp_active_totals(:a, null, null, null, :now)
       where remaining > 0 or packages > 0
       order by product_id, purpose
      """;

  @Test
  void totalsEqualThePackagesAfterRandomUsageAtAnyMoment() {
    var buyer = AlertFixtures.buyer(server, "Balance Keeper", "");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    List<Purpose> purposes = List.of(Purpose.PURPOSE_MARKETING, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    for (Purpose p : purposes) {
      AlertFixtures.buy(server, key, 300, p);
      server.clock.advance(Duration.ofDays(3));
    }
    Buyers.activatePayAsYouGo(server, key, AlertFixtures.PRODUCT, AlertFixtures.REGION);
    AlertFixtures.setThreshold(server, key, Purpose.PURPOSE_MARKETING, 150);
    Random random = new Random(18);
    for (int i = 0; i < 40; i++) {
      Purpose purpose = purposes.get(random.nextInt(purposes.size()));
      server.plan(key).recordUsage(RecordUsageRequest.newBuilder()
          .setRequestId(TestServer.requestId()).setProductId(AlertFixtures.PRODUCT).setRegionId(AlertFixtures.REGION)
          .setPurpose(purpose).setQuantity(1 + random.nextInt(40)).build());
      if (i == 20) {
        AlertFixtures.buy(server, key, 200, Purpose.PURPOSE_MARKETING);
      }
      assertTotalsMatch(accountId, server.clock.instant());
    }
    Instant firstExpiry =
        server.jdbi().withHandle(h -> h.createQuery("select min(expire_time) from packages where account_id = :a")
            .bind("a", accountId).mapTo(Instant.class).one());
    for (Instant moment : List.of(
        firstExpiry.minusSeconds(1), firstExpiry, firstExpiry.plusSeconds(1),
        firstExpiry.plus(Duration.ofHours(23)), firstExpiry.plus(Duration.ofDays(2)), firstExpiry.plus(Duration.ofDays(400)))) {
      assertTotalsMatch(accountId, moment);
      server.expiryReminders().runOnce(moment);
      assertTotalsMatch(accountId, moment);
    }
  }

  private static void assertTotalsMatch(String accountId, Instant now) {
    List<String> expected = query(BRUTE_FORCE, accountId, now);
    assertEquals(expected, query(TOTALS, accountId, now), "at " + now);
  }

  private static List<String> query(String sql, String accountId, Instant now) {
    return server.jdbi().withHandle(h -> h.createQuery(sql).bind("a", accountId).bind("now", now).mapTo(String.class).list());
  }
}
