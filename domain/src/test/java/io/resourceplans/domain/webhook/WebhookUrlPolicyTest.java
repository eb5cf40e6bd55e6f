package io.resourceplans.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {
  private final WebhookUrlPolicy production = new WebhookUrlPolicy(false);
  private final WebhookUrlPolicy tests = new WebhookUrlPolicy(true);

  @Test
  void publicHttpsUrlsAreAccepted() {
    for (String url : List.of(
        "https://hooks.example.com/rp", "https://hooks.example.com:8443/a/b?c=d", "https://8.8.8.8/x",
        "https://[2001:4860:4860::8888]/x")) {
      assertEquals(Optional.empty(), production.refusal(url), url);
    }
  }

  @Test
  void loopbackPrivateAndOddAddressesAreRefusedWithoutADnsLookup() {
    for (String url : List.of(
        "https://127.0.0.1/", "https://127.8.9.10/", "https://0.0.0.0/", "https://10.0.0.1/", "https://172.31.255.255/",
        "https://192.168.1.1/", "https://169.254.169.254/", "https://100.127.0.1/", "https://224.0.0.1/",
        "https://240.0.0.1/", "https://[::1]/", "https://[::]/", "https://[fe80::1]/", "https://[fc00::1]/",
        "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[fe80::1%25eth0]/",
        "https://localhost/", "https://a.localhost/", "https://LOCALHOST/")) {
      assertTrue(production.refusal(url).isPresent(), url);
      assertTrue(tests.refusal(url.replace("https", "http")).isEmpty(), url);
    }
  }

  @Test
  void urlsThatAreNotAbsoluteHttpsAreRefusedEvenInTests() {
    assertTrue(production.refusal("http://hooks.example.com/").isPresent());
    for (String url : List.of(
        "ftp://hooks.example.com/", "hooks.example.com/x", "https:///x", "https://u:p@hooks.example.com/",
        "https://hooks.example.com/#frag", "https://hooks example.com/", "mailto:a@b.c",
        "https://hooks.example.com/" + "a".repeat(2048))) {
      assertTrue(production.refusal(url).isPresent(), url);
      assertTrue(tests.refusal(url).isPresent(), url);
    }
  }

  @Test
  void resolvedAddressesArePublicOrRefused() throws Exception {
    assertFalse(production.mayConnect(InetAddress.getByName("127.0.0.1")));
    assertFalse(production.mayConnect(InetAddress.getByName("192.168.0.1")));
    assertTrue(production.mayConnect(InetAddress.getByName("93.184.216.34")));
    assertTrue(tests.mayConnect(InetAddress.getByName("127.0.0.1")));
  }

  @Test
  void backoffDoublesFromThirtySecondsUpToSixHoursWithJitterInHalfToOne() {
    WebhookSettings s = WebhookSettings.defaults();
    assertEquals(Duration.ofSeconds(15), s.backoff(1, 0));
    assertEquals(Duration.ofSeconds(30), s.backoff(2, 0));
    assertEquals(Duration.ofMillis(59_999), s.backoff(2, 0.99999).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertEquals(Duration.ofHours(3), s.backoff(20, 0));
    assertEquals(Duration.ofHours(3), s.backoff(1000, 0));
  }
}
