package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.api.v1.ListPackagesRequest;
import io.resourceplans.api.v1.ListPackagesResponse;
import io.resourceplans.api.v1.Package;
import io.resourceplans.api.v1.PackageStatus;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ListPackages by status reads an index per status (V20): EXPIRED merges the packages the expiry
 * pass marked lapsed with those that expired since. Whether the pass ran or not, every status
 * lists exactly its packages, newest purchase first, over pages of one.
 */
@Tag("citus")
class PackageListingTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();

  @Test
  void eachStatusListsItsPackagesNewestFirstBeforeAndAfterTheExpiryPass() {
    var buyer = AlertFixtures.buyer(server, "Lister", "");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    List<String> bought = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bought.add(AlertFixtures.buy(server, key, 100, Purpose.PURPOSE_MARKETING).getPackageId());
      server.clock.advance(Duration.ofMinutes(1));
    }
    // 0 and 3 exhausted; 1 and 4 past expiry (one of them marked by the pass below); 2 and 5 active.
    AlertFixtures.setRemaining(server, accountId, bought.get(0), 0);
    AlertFixtures.setRemaining(server, accountId, bought.get(3), 0);
    Instant now = server.clock.instant();
    expire(accountId, bought.get(1), now.minus(Duration.ofDays(2)));
    server.expiryReminders().runOnce(now);
    expire(accountId, bought.get(4), now.minus(Duration.ofHours(1)));

    assertEquals(List.of(bought.get(4), bought.get(1)), list(key, PackageStatus.PACKAGE_STATUS_EXPIRED));
    assertEquals(List.of(bought.get(5), bought.get(2)), list(key, PackageStatus.PACKAGE_STATUS_ACTIVE));
    assertEquals(List.of(bought.get(3), bought.get(0)), list(key, PackageStatus.PACKAGE_STATUS_EXHAUSTED));
    assertEquals(1L, lapsed(accountId), "the pass marked the package expired before it, not the later one");

    server.expiryReminders().runOnce(now);
    assertEquals(2L, lapsed(accountId));
    assertEquals(List.of(bought.get(4), bought.get(1)), list(key, PackageStatus.PACKAGE_STATUS_EXPIRED));
    assertEquals(List.of(bought.get(5), bought.get(2)), list(key, PackageStatus.PACKAGE_STATUS_ACTIVE));
    // expire() dated 1 and 4 as bought no later than they expired: they are the oldest now.
    assertEquals(
        List.of(bought.get(5), bought.get(3), bought.get(2), bought.get(0), bought.get(4), bought.get(1)),
        list(key, PackageStatus.PACKAGE_STATUS_UNSPECIFIED));
  }

  /** Every page of one, in order. */
  private static List<String> list(String key, PackageStatus status) {
    List<String> ids = new ArrayList<>();
    String token = "";
    do {
      ListPackagesResponse page = server.plan(key).listPackages(
          ListPackagesRequest.newBuilder().setStatus(status).setPageSize(1).setPageToken(token).build());
      page.getPackagesList().stream().map(Package::getPackageId).forEach(ids::add);
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return ids;
  }

  private static void expire(String accountId, String packageId, Instant at) {
    server.jdbi().useHandle(h -> h.createUpdate("""
            update packages set expire_time = :e, purchase_time = least(purchase_time, :e)
             where account_id = :a and package_id = :p;
            select rp_rebuild_package_totals(:a);
            """)
        .bind("e", at).bind("a", accountId).bind("p", packageId).execute());
  }

  private static long lapsed(String accountId) {
    return server.jdbi().withHandle(h -> h.createQuery("select count(*) from packages where account_id = :a and lapsed")
        .bind("a", accountId).mapTo(Long.class).one());
  }
}
