package io.resourceplans.server;

import static io.resourceplans.server.testing.AlertFixtures.PRODUCT;
import static io.resourceplans.server.testing.AlertFixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.CreateWebhookEndpointRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResult;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.ReleaseUsageRequest;
import io.resourceplans.api.v1.ReserveUsageRequest;
import io.resourceplans.api.v1.WebhookEventKind;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The package.exhausted event (docs/webhooks.md): written once per deduction that takes a
 * package's last units, by RecordUsage (the one-call path leaves such a usage to the full path),
 * by a RecordUsages record, and by a hold's reservation; to the account's event log (the stream)
 * and to each subscribed endpoint.
 */
@Tag("citus")
class PackageExhaustedEventTest {
  private static final Purpose MARKETING = Purpose.PURPOSE_MARKETING;

  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private record Buyer(String accountId, String key) {}

  private static Buyer subscribedBuyer(String name) {
    var account = AlertFixtures.buyer(server, name, "");
    Buyer b = new Buyer(account.getAccount().getAccountId(), account.getApiKeySecret());
    server.activation(b.key()).createWebhookEndpoint(CreateWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setUrl("https://hooks.example.com/rp")
        .addEventKinds(WebhookEventKind.WEBHOOK_EVENT_KIND_PACKAGE_EXHAUSTED).build());
    return b;
  }

  private static RecordUsageRequest usage(long quantity) {
    return RecordUsageRequest.newBuilder().setRequestId(TestServer.requestId()).setProductId(PRODUCT)
        .setPurpose(MARKETING).setRegionId(REGION).setQuantity(quantity).build();
  }

  /** The account's package.exhausted events in the event log, oldest first, with their webhook deliveries. */
  private static List<Map<String, Object>> events(Buyer b) {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select e.event_id, e.payload,
                   (select count(*) from webhook_deliveries d
                     where d.account_id = e.account_id and d.event_id = e.event_id) as deliveries
              from account_events e
             where e.account_id = :a and e.kind = 'PACKAGE_EXHAUSTED'
             order by e.sequence
            """).bind("a", b.accountId()).mapToMap().list());
  }

  @Test
  void theUsageThatTakesAPackagesLastUnitsWritesOneEvent() {
    Buyer b = subscribedBuyer("Empty Shop");
    String pkg = AlertFixtures.buy(server, b.key(), 100, MARKETING).getPackageId();
    server.plan(b.key()).recordUsage(usage(40));
    assertTrue(events(b).isEmpty(), "40 of 100 empties nothing");
    var record = server.plan(b.key()).recordUsage(usage(60)).getUsageRecord();
    assertEquals(0, record.getDeductions(0).getRemainingQuantity());
    List<Map<String, Object>> events = events(b);
    assertEquals(1, events.size());
    String payload = (String) events.get(0).get("payload");
    assertTrue(payload.contains("\"kind\":\"package.exhausted\""), payload);
    assertTrue(payload.contains("\"packageId\":\"" + pkg + "\""), payload);
    assertTrue(payload.contains("\"causeId\":\"" + record.getUsageId() + "\""), payload);
    assertEquals(1L, ((Number) events.get(0).get("deliveries")).longValue());
  }

  @Test
  void aBatchRecordThatEmptiesAPackageWritesItsEventAndIsRecordedAsAlone() {
    Buyer b = subscribedBuyer("Batch Empty Shop");
    AlertFixtures.buy(server, b.key(), 100, MARKETING);
    List<RecordUsageResult> results = server.plan(b.key()).recordUsages(RecordUsagesRequest.newBuilder()
        .addRecords(usage(30)).addRecords(usage(70)).addRecords(usage(1)).build()).getResultsList();
    assertFalse(results.get(0).hasError());
    assertEquals(0, results.get(1).getUsageRecord().getDeductions(0).getRemainingQuantity());
    assertEquals("QUOTA_EXHAUSTED", results.get(2).getError().getMessage().split(":")[0]);
    List<Map<String, Object>> events = events(b);
    assertEquals(1, events.size());
    assertTrue(((String) events.get(0).get("payload")).contains(results.get(1).getUsageRecord().getUsageId()));
  }

  @Test
  void aHoldThatTakesAPackagesLastUnitsWritesAnEventEachTimeItEmptiesIt() {
    Buyer b = subscribedBuyer("Hold Empty Shop");
    AlertFixtures.buy(server, b.key(), 100, MARKETING);
    ReserveUsageRequest.Builder reserve = ReserveUsageRequest.newBuilder().setProductId(PRODUCT).setPurpose(MARKETING)
        .setRegionId(REGION).setQuantity(100).setTtlSeconds(600);
    String first = server.plan(b.key()).reserveUsage(reserve.setRequestId(TestServer.requestId()).build())
        .getHold().getHoldId();
    server.plan(b.key()).releaseUsage(ReleaseUsageRequest.newBuilder().setRequestId(TestServer.requestId())
        .setHoldId(first).build());
    String second = server.plan(b.key()).reserveUsage(reserve.setRequestId(TestServer.requestId()).build())
        .getHold().getHoldId();
    List<Map<String, Object>> events = events(b);
    assertEquals(2, events.size());
    assertTrue(((String) events.get(0).get("payload")).contains("\"causeId\":\"" + first + "\""));
    assertTrue(((String) events.get(1).get("payload")).contains("\"causeId\":\"" + second + "\""));
  }
}
