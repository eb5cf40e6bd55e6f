package io.resourceplans.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.CreateWebhookEndpointRequest;
import io.resourceplans.api.v1.WatchAccountEventsRequest;
import io.resourceplans.api.v1.WatchAccountEventsResponse;
import io.resourceplans.api.v1.WebhookEventKind;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.PrometheusText;
import io.resourceplans.server.testing.TestServer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What operators see of the webhooks and the event stream (docs/operations.md): webhook attempts
 * by result, the streams this replica serves and the events it sent on them.
 */
class EventAndWebhookMetricsTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();
  private static int port;

  @BeforeAll
  static void startEndpoint() throws Exception {
    port = server.startMetricsEndpoint();
  }

  @Test
  void webhookAttemptsStreamsAndSentEventsAreCounted() throws Exception {
    var account = Buyers.verifiedAccount(server, "Observed Shop");
    Buyers.fund(server, account, "1000.00", null);
    String key = account.getApiKeySecret();
    // An endpoint whose host does not resolve here: its attempt fails and is tried again later.
    server.activation(key).createWebhookEndpoint(CreateWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setUrl("https://hooks.invalid/rp")
        .addEventKinds(WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID).build());
    PrometheusText before = PrometheusText.scrape("127.0.0.1", port);
    assertEquals(0, before.value("rp_events_streams"));

    LinkedBlockingQueue<WatchAccountEventsResponse> received = new LinkedBlockingQueue<>();
    try (Context.CancellableContext call = Context.current().withCancellation()) {
      call.run(() -> ActivationServiceGrpc.newStub(server.channel()).withCallCredentials(TestServer.bearer(key))
          .watchAccountEvents(WatchAccountEventsRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(WatchAccountEventsResponse value) {
              received.add(value);
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
          }));
      // The stream's first message says where it starts; then the order's event.
      assertEquals(WatchAccountEventsResponse.ContentCase.STARTED, received.poll(10, TimeUnit.SECONDS).getContentCase());
      assertEquals(1, PrometheusText.scrape("127.0.0.1", port).value("rp_events_streams"));
      Buyers.buy(server, key, "sms-domestic-custom", 100, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING, "ap-southeast-1");
      assertEquals(WatchAccountEventsResponse.ContentCase.EVENT, received.poll(10, TimeUnit.SECONDS).getContentCase());
      assertEquals(before.valueOr(0, "rp_events_sent_total") + 1,
          PrometheusText.scrape("127.0.0.1", port).value("rp_events_sent_total"));
      call.cancel(null);
    }
    PrometheusText.scrapeUntil("127.0.0.1", port, p -> p.value("rp_events_streams") == 0);

    server.dispatchWebhooks();
    PrometheusText after = PrometheusText.scrape("127.0.0.1", port);
    assertEquals(before.value("rp_webhook_deliveries_total", "result", "retry") + 1,
        after.value("rp_webhook_deliveries_total", "result", "retry"));
    assertEquals(before.value("rp_webhook_deliveries_total", "result", "delivered"),
        after.value("rp_webhook_deliveries_total", "result", "delivered"));
    assertEquals(0, after.value("rp_webhook_deliveries_total", "result", "failed"));
  }
}
