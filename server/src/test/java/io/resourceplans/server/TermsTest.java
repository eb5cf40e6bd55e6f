package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PublishTermsVersionRequest;
import io.resourceplans.api.v1.Terms;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TermsTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static Terms current(String key, TermsKind kind) {
    return current(server, key, kind);
  }

  private static Terms current(TestServer on, String key, TermsKind kind) {
    return on.plan(key).getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(kind).build()).getTerms();
  }

  private static PublishTermsVersionRequest.Builder publish(TermsKind kind, String version) {
    return PublishTermsVersionRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setKind(kind)
        .setVersion(version)
        .setTitle("Terms " + version)
        .setUrl("https://example.com/terms/" + version);
  }

  /** Other tests publish versions on the shared server, so this one looks at a fresh server. */
  @Test
  void aFreshServerHasAPublishedVersionOfEveryAgreement() throws Exception {
    try (TestServer fresh = new TestServer()) {
      String main = fresh.newAccount("Reader Co").getApiKeySecret();
      Map<TermsKind, String> titles =
          Map.of(
              TermsKind.TERMS_KIND_RESOURCE_PLAN, "Resource Plan Terms of Service",
              TermsKind.TERMS_KIND_PAY_AS_YOU_GO, "Pay-as-you-go Activation Agreement",
              TermsKind.TERMS_KIND_MARKETPLACE, "Marketplace Agreement",
              TermsKind.TERMS_KIND_WORKSPACE, "Workspace Terms of Service");
      titles.forEach((kind, title) -> {
        Terms terms = current(fresh, main, kind);
        assertEquals(kind, terms.getKind());
        assertEquals("2026-01", terms.getVersion());
        assertEquals(title, terms.getTitle());
        assertTrue(terms.getUrl().startsWith("https://"));
        assertTrue(terms.hasPublishTime());
      });
      assertEquals(
          current(fresh, main, TermsKind.TERMS_KIND_WORKSPACE),
          current(fresh, TestServer.OPERATOR_KEY, TermsKind.TERMS_KIND_WORKSPACE),
          "any authenticated caller reads the current terms");
    }
  }

  @Test
  void aPublishedVersionIsCurrentAtOnce() {
    Terms otherKind = current(TestServer.OPERATOR_KEY, TermsKind.TERMS_KIND_RESOURCE_PLAN);
    server.clock.advance(Duration.ofDays(1));
    var published = server.operator().publishTermsVersion(publish(TermsKind.TERMS_KIND_MARKETPLACE, "2026-11").build()).getTerms();
    assertEquals("2026-11", published.getVersion());
    assertEquals("Terms 2026-11", published.getTitle());
    assertEquals("https://example.com/terms/2026-11", published.getUrl());
    assertEquals(Timestamps.of(server.clock.instant()), published.getPublishTime());
    assertEquals(published, current(TestServer.OPERATOR_KEY, TermsKind.TERMS_KIND_MARKETPLACE));
    assertEquals(otherKind, current(TestServer.OPERATOR_KEY, TermsKind.TERMS_KIND_RESOURCE_PLAN),
        "other kinds keep their version");
  }

  @Test
  void aVersionCanBePublishedOnlyOncePerKind() {
    server.operator().publishTermsVersion(publish(TermsKind.TERMS_KIND_WORKSPACE, "w-1").build());
    server.operator().publishTermsVersion(publish(TermsKind.TERMS_KIND_WORKSPACE, "w-2").build());
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "TERMS_VERSION_EXISTS",
        () -> server.operator().publishTermsVersion(publish(TermsKind.TERMS_KIND_WORKSPACE, "w-1").build()));
    assertEquals("w-2", current(TestServer.OPERATOR_KEY, TermsKind.TERMS_KIND_WORKSPACE).getVersion(),
        "a refused re-publication does not make the old version current again");
    // The same version string is free in another kind.
    server.operator().publishTermsVersion(publish(TermsKind.TERMS_KIND_MARKETPLACE, "w-1").build());
  }

  @Test
  void retryingAPublicationReturnsTheFirstAnswer() {
    var request = publish(TermsKind.TERMS_KIND_RESOURCE_PLAN, "retry-1").build();
    long before = server.count("terms_versions");
    var first = server.operator().publishTermsVersion(request);
    server.clock.advance(Duration.ofMinutes(5));
    var retry = server.operator().publishTermsVersion(request);
    assertEquals(first, retry);
    assertEquals(before + 1, server.count("terms_versions"));
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "IDEMPOTENCY_KEY_REUSED",
        () -> server.operator().publishTermsVersion(request.toBuilder().setVersion("retry-2").build()));
  }

  @Test
  void onlyTheOperatorPublishes() {
    String main = server.newAccount("Publisher Co").getApiKeySecret();
    long before = server.count("terms_versions");
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "OPERATOR_ONLY",
        () -> OperatorServiceGrpc.newBlockingStub(server.channel())
            .withCallCredentials(TestServer.bearer(main))
            .publishTermsVersion(publish(TermsKind.TERMS_KIND_PAY_AS_YOU_GO, "sneaky").build()));
    assertEquals(before, server.count("terms_versions"));
  }

  @Test
  void publicationNeedsAnHttpsUrl() {
    assertInvalid(
        () -> server.operator().publishTermsVersion(
            publish(TermsKind.TERMS_KIND_PAY_AS_YOU_GO, "plain-http").setUrl("http://example.com/t").build()),
        "url");
  }

  @Test
  void aKindWithNoPublishedVersionIsNotFound() throws Exception {
    try (TestServer fresh = new TestServer()) {
      // As on a database from before any version of the kind was published.
      fresh.jdbi().useHandle(h -> h.execute("delete from terms_versions where kind = 'MARKETPLACE'"));
      assertRefused(
          Status.Code.NOT_FOUND,
          "TERMS_NOT_FOUND",
          () -> current(fresh, TestServer.OPERATOR_KEY, TermsKind.TERMS_KIND_MARKETPLACE));
    }
  }
}
