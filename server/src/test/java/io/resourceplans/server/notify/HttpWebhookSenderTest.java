package io.resourceplans.server.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.domain.webhook.WebhookSender;
import io.resourceplans.domain.webhook.WebhookSettings;
import io.resourceplans.server.testing.WebhookReceiver;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP sender checks where a host resolves to before each attempt, unless tests allow it. */
class HttpWebhookSenderTest {
  @Test
  void aHostThatResolvesToLoopbackIsNotCalledUnlessAllowed() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String viaName = receiver.url().replace("127.0.0.1", "localhost");
      HttpWebhookSender production = new HttpWebhookSender(WebhookSettings.defaults());
      var refused = assertThrows(WebhookSender.SendFailure.class, () -> production.post(viaName, Map.of(), "{}"));
      assertEquals("host resolves to a loopback or private address", refused.getMessage());
      assertEquals(0, receiver.received().size());

      HttpWebhookSender forTests = new HttpWebhookSender(WebhookSettings.defaults().withAllowPrivateUrls(true));
      receiver.failNext(503);
      assertEquals(503, forTests.post(viaName, Map.of("X-Test", "1"), "{}").statusCode());
      assertEquals(200, forTests.post(viaName, Map.of(), "{}").statusCode());
      assertEquals("1", receiver.received().get(0).header("X-Test"));
    }
  }

  @Test
  void aRefusedConnectionIsAFailedAttemptNotAnException() throws Exception {
    String url;
    try (WebhookReceiver closed = new WebhookReceiver()) {
      url = closed.url();
    }
    HttpWebhookSender forTests = new HttpWebhookSender(WebhookSettings.defaults().withAllowPrivateUrls(true));
    var failed = assertThrows(WebhookSender.SendFailure.class, () -> forTests.post(url, Map.of(), "{}"));
    assertEquals("connection failed: ConnectException", failed.getMessage());
  }
}
