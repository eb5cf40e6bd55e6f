package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.ActivationServiceGrpc.ActivationServiceBlockingStub;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateWebhookEndpointRequest;
import io.resourceplans.api.v1.CreateWebhookEndpointResponse;
import io.resourceplans.api.v1.DeleteWebhookEndpointRequest;
import io.resourceplans.api.v1.GetWebhookEndpointRequest;
import io.resourceplans.api.v1.ListWebhookDeliveriesRequest;
import io.resourceplans.api.v1.ListWebhookEndpointsRequest;
import io.resourceplans.api.v1.ListWebhookEndpointsResponse;
import io.resourceplans.api.v1.RetryWebhookDeliveryRequest;
import io.resourceplans.api.v1.RotateWebhookSecretRequest;
import io.resourceplans.api.v1.RotateWebhookSecretResponse;
import io.resourceplans.api.v1.WebhookEndpoint;
import io.resourceplans.api.v1.WebhookEventKind;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.CapturedLogs;
import io.resourceplans.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhook endpoint registration over gRPC on a server with production URL rules (https only, no
 * loopback or private hosts): validation, secrets shown once, tenant scoping, paging, deletion and
 * rotation. Deliveries are in the client module's WebhookDeliveryTest.
 */
@Tag("citus")
class WebhookEndpointsTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();

  private static ActivationServiceBlockingStub as(CreateAccountResponse account) {
    return server.activation(account.getApiKeySecret());
  }

  private static CreateWebhookEndpointRequest.Builder endpoint(String url) {
    return CreateWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setUrl(url)
        .addEventKinds(WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID);
  }

  @Test
  void theSecretIsReturnedOnceNeitherOnReplayNorInTheStoredAnswerNorInTheLog() {
    CreateAccountResponse account = server.newAccount("Hook Once");
    CreateWebhookEndpointRequest request =
        endpoint("https://hooks.example.com/rp").addEventKinds(WebhookEventKind.WEBHOOK_EVENT_KIND_PACKAGE_EXPIRING)
            .setDescription("billing system").build();
    CreateWebhookEndpointResponse first;
    CreateWebhookEndpointResponse replay;
    try (CapturedLogs logs = new CapturedLogs()) {
      first = as(account).createWebhookEndpoint(request);
      replay = as(account).createWebhookEndpoint(request);
      String secret = first.getSecret();
      assertTrue(logs.events().stream().noneMatch(e -> e.getFormattedMessage().contains(secret)), "secret logged");
    }
    assertTrue(first.getSecret().matches("whsec_[A-Za-z0-9_-]{43}"), first.getSecret());
    assertEquals("", replay.getSecret());
    assertEquals(first.getWebhookEndpoint(), replay.getWebhookEndpoint());
    WebhookEndpoint e = first.getWebhookEndpoint();
    assertTrue(e.getWebhookEndpointId().matches("whe-[0-9a-z]{16}"));
    assertEquals("https://hooks.example.com/rp", e.getUrl());
    assertEquals("billing system", e.getDescription());
    assertEquals(
        List.of(WebhookEventKind.WEBHOOK_EVENT_KIND_PACKAGE_EXPIRING, WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID),
        e.getEventKindsList());
    assertEquals(e, as(account).getWebhookEndpoint(
        GetWebhookEndpointRequest.newBuilder().setWebhookEndpointId(e.getWebhookEndpointId()).build()).getWebhookEndpoint());
    // The idempotency record keeps the answer without the secret.
    List<byte[]> stored =
        server.jdbi().withHandle(h -> h.createQuery("select response from idempotency_records where request_id = :id")
            .bind("id", request.getRequestId()).mapTo(byte[].class).list());
    assertEquals(1, stored.size());
    String answer = new String(stored.get(0), StandardCharsets.ISO_8859_1);
    assertTrue(answer.contains(e.getWebhookEndpointId()));
    assertFalse(answer.contains(first.getSecret()));
  }

  @Test
  void urlsThatAreNotHttpsOrNameLoopbackOrPrivateHostsAreRefusedNamingTheUrl() {
    CreateAccountResponse account = server.newAccount("Hook Urls");
    for (String url : List.of(
        "http://hooks.example.com/rp", "https://127.0.0.1/rp", "https://10.1.2.3/rp", "https://192.168.0.9/",
        "https://172.16.0.1/", "https://169.254.169.254/latest", "https://[::1]/rp", "https://[fd00::1]/",
        "https://localhost:8443/rp", "https://user:pw@hooks.example.com/", "ftp://hooks.example.com/",
        "hooks.example.com/rp", "https://100.64.0.1/")) {
      var e = assertRefused(Status.Code.INVALID_ARGUMENT, "WEBHOOK_URL_NOT_ALLOWED",
          () -> as(account).createWebhookEndpoint(endpoint(url).build()));
      assertInvalid(() -> { throw e; }, "url");
    }
    assertInvalid(() -> as(account).createWebhookEndpoint(endpoint("").build()), "url");
    assertInvalid(
        () -> as(account).createWebhookEndpoint(endpoint("https://hooks.example.com/").clearEventKinds().build()),
        "event_kinds");
    assertInvalid(
        () -> as(account).createWebhookEndpoint(
            endpoint("https://hooks.example.com/").addEventKinds(WebhookEventKind.WEBHOOK_EVENT_KIND_UNSPECIFIED).build()),
        "event_kinds[1]");
    assertEquals(0, as(account).listWebhookEndpoints(ListWebhookEndpointsRequest.getDefaultInstance()).getWebhookEndpointsCount());
  }

  @Test
  void anotherAccountsEndpointsAndDeliveriesAreNotFound() {
    CreateAccountResponse owner = server.newAccount("Hook Owner");
    CreateAccountResponse other = server.newAccount("Hook Other");
    String id = as(owner).createWebhookEndpoint(endpoint("https://hooks.example.com/a").build())
        .getWebhookEndpoint().getWebhookEndpointId();
    assertRefused(Status.Code.NOT_FOUND, "WEBHOOK_ENDPOINT_NOT_FOUND",
        () -> as(other).getWebhookEndpoint(GetWebhookEndpointRequest.newBuilder().setWebhookEndpointId(id).build()));
    assertRefused(Status.Code.NOT_FOUND, "WEBHOOK_ENDPOINT_NOT_FOUND",
        () -> as(other).deleteWebhookEndpoint(DeleteWebhookEndpointRequest.newBuilder()
            .setRequestId(TestServer.requestId()).setWebhookEndpointId(id).build()));
    assertRefused(Status.Code.NOT_FOUND, "WEBHOOK_ENDPOINT_NOT_FOUND",
        () -> as(other).rotateWebhookSecret(RotateWebhookSecretRequest.newBuilder()
            .setRequestId(TestServer.requestId()).setWebhookEndpointId(id).build()));
    assertRefused(Status.Code.NOT_FOUND, "WEBHOOK_ENDPOINT_NOT_FOUND",
        () -> as(other).listWebhookDeliveries(ListWebhookDeliveriesRequest.newBuilder().setWebhookEndpointId(id).build()));
    assertRefused(Status.Code.NOT_FOUND, "WEBHOOK_DELIVERY_NOT_FOUND",
        () -> as(other).retryWebhookDelivery(RetryWebhookDeliveryRequest.newBuilder()
            .setRequestId(TestServer.requestId()).setWebhookDeliveryId("whd-0123456789abcdef").build()));
    assertEquals(0, as(other).listWebhookEndpoints(ListWebhookEndpointsRequest.getDefaultInstance()).getWebhookEndpointsCount());
    assertEquals(1, as(owner).listWebhookEndpoints(ListWebhookEndpointsRequest.getDefaultInstance()).getWebhookEndpointsCount());
    // The operator owns no account.
    assertRefused(Status.Code.PERMISSION_DENIED, "ACCOUNT_ONLY",
        () -> server.activation(TestServer.OPERATOR_KEY).listWebhookEndpoints(ListWebhookEndpointsRequest.getDefaultInstance()));
  }

  @Test
  void endpointsAreListedOldestFirstInPagesAndDeletedOnesDisappear() {
    CreateAccountResponse account = server.newAccount("Hook Pages");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(as(account).createWebhookEndpoint(endpoint("https://hooks.example.com/" + i).build())
          .getWebhookEndpoint().getWebhookEndpointId());
      server.clock.advance(Duration.ofSeconds(1));
    }
    ListWebhookEndpointsResponse page1 =
        as(account).listWebhookEndpoints(ListWebhookEndpointsRequest.newBuilder().setPageSize(2).build());
    ListWebhookEndpointsResponse page2 =
        as(account).listWebhookEndpoints(ListWebhookEndpointsRequest.newBuilder().setPageSize(2)
            .setPageToken(page1.getNextPageToken()).build());
    assertEquals(ids.subList(0, 2), page1.getWebhookEndpointsList().stream().map(WebhookEndpoint::getWebhookEndpointId).toList());
    assertEquals(ids.subList(2, 3), page2.getWebhookEndpointsList().stream().map(WebhookEndpoint::getWebhookEndpointId).toList());
    assertEquals("", page2.getNextPageToken());

    WebhookEndpoint deleted = as(account).deleteWebhookEndpoint(DeleteWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookEndpointId(ids.get(1)).build()).getWebhookEndpoint();
    assertTrue(deleted.hasDeleteTime());
    assertRefused(Status.Code.NOT_FOUND, "WEBHOOK_ENDPOINT_NOT_FOUND",
        () -> as(account).getWebhookEndpoint(GetWebhookEndpointRequest.newBuilder().setWebhookEndpointId(ids.get(1)).build()));
    assertRefused(Status.Code.NOT_FOUND, "WEBHOOK_ENDPOINT_NOT_FOUND",
        () -> as(account).deleteWebhookEndpoint(DeleteWebhookEndpointRequest.newBuilder()
            .setRequestId(TestServer.requestId()).setWebhookEndpointId(ids.get(1)).build()));
    assertEquals(List.of(ids.get(0), ids.get(2)),
        as(account).listWebhookEndpoints(ListWebhookEndpointsRequest.getDefaultInstance()).getWebhookEndpointsList()
            .stream().map(WebhookEndpoint::getWebhookEndpointId).toList());
    // A deleted endpoint's deliveries stay listable.
    assertEquals(0, as(account).listWebhookDeliveries(
        ListWebhookDeliveriesRequest.newBuilder().setWebhookEndpointId(ids.get(1)).build()).getWebhookDeliveriesCount());
  }

  @Test
  void rotationReturnsANewSecretOnceWithTheOverlapAsked() {
    CreateAccountResponse account = server.newAccount("Hook Rotate");
    CreateWebhookEndpointResponse created = as(account).createWebhookEndpoint(endpoint("https://hooks.example.com/r").build());
    String id = created.getWebhookEndpoint().getWebhookEndpointId();
    RotateWebhookSecretRequest rotate = RotateWebhookSecretRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookEndpointId(id).setOverlapSeconds(3600).build();
    RotateWebhookSecretResponse rotated = as(account).rotateWebhookSecret(rotate);
    assertTrue(rotated.getSecret().startsWith("whsec_"));
    assertNotEquals(created.getSecret(), rotated.getSecret());
    assertEquals(server.clock.instant().plusSeconds(3600),
        Timestamps.toInstant(rotated.getWebhookEndpoint().getPreviousSecretExpireTime()));
    assertEquals("", as(account).rotateWebhookSecret(rotate).getSecret());
    // Unset overlap: 24 hours; zero: none.
    RotateWebhookSecretResponse byDefault = as(account).rotateWebhookSecret(rotate.toBuilder()
        .setRequestId(TestServer.requestId()).clearOverlapSeconds().build());
    assertEquals(server.clock.instant().plus(Duration.ofHours(24)),
        Timestamps.toInstant(byDefault.getWebhookEndpoint().getPreviousSecretExpireTime()));
    RotateWebhookSecretResponse none = as(account).rotateWebhookSecret(rotate.toBuilder()
        .setRequestId(TestServer.requestId()).setOverlapSeconds(0).build());
    assertFalse(none.getWebhookEndpoint().hasPreviousSecretExpireTime());
    assertInvalid(() -> as(account).rotateWebhookSecret(rotate.toBuilder()
        .setRequestId(TestServer.requestId()).setOverlapSeconds(604801).build()), "overlap_seconds");
  }
}
