package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.emptyToNull;
import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CreateWebhookEndpointRequest;
import io.resourceplans.api.v1.CreateWebhookEndpointResponse;
import io.resourceplans.api.v1.DeleteWebhookEndpointRequest;
import io.resourceplans.api.v1.DeleteWebhookEndpointResponse;
import io.resourceplans.api.v1.GetWebhookEndpointRequest;
import io.resourceplans.api.v1.GetWebhookEndpointResponse;
import io.resourceplans.api.v1.ListWebhookDeliveriesRequest;
import io.resourceplans.api.v1.ListWebhookDeliveriesResponse;
import io.resourceplans.api.v1.ListWebhookEndpointsRequest;
import io.resourceplans.api.v1.ListWebhookEndpointsResponse;
import io.resourceplans.api.v1.RetryWebhookDeliveryRequest;
import io.resourceplans.api.v1.RetryWebhookDeliveryResponse;
import io.resourceplans.api.v1.RotateWebhookSecretRequest;
import io.resourceplans.api.v1.RotateWebhookSecretResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.webhook.IssuedWebhookEndpoint;
import io.resourceplans.domain.webhook.WebhookService;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.WebhookMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * RPC handlers for webhook endpoints and deliveries (ActivationService). Secrets appear only in
 * the responses of CreateWebhookEndpoint and RotateWebhookSecret, and are left out of their stored
 * idempotent answers.
 */
@Singleton
public final class WebhookRpcs {
  private static final int DEFAULT_PAGE_SIZE = 20;

  private final WebhookService webhooks;
  private final CallRunner calls;
  private final Clock clock;

  @Inject
  WebhookRpcs(WebhookService webhooks, CallRunner calls, Clock clock) {
    this.webhooks = webhooks;
    this.calls = calls;
    this.clock = clock;
  }

  public void createWebhookEndpoint(
      CreateWebhookEndpointRequest request, StreamObserver<CreateWebhookEndpointResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    reply(
        out,
        calls.once(
            caller,
            request,
            CreateWebhookEndpointResponse.parser(),
            response -> response.toBuilder().clearSecret().build(),
            tx -> {
              IssuedWebhookEndpoint issued =
                  webhooks.create(
                      tx, caller, request.getUrl(), WebhookMapper.toDomain(request.getEventKindsList()),
                      request.getDescription());
              return CreateWebhookEndpointResponse.newBuilder()
                  .setWebhookEndpoint(WebhookMapper.toProto(issued.endpoint(), now()))
                  .setSecret(issued.secret())
                  .build();
            }));
  }

  public void getWebhookEndpoint(GetWebhookEndpointRequest request, StreamObserver<GetWebhookEndpointResponse> out) {
    Principal caller = CallPrincipal.current();
    var endpoint = calls.read(tx -> webhooks.get(tx, caller, request.getWebhookEndpointId()));
    reply(out, GetWebhookEndpointResponse.newBuilder().setWebhookEndpoint(WebhookMapper.toProto(endpoint, now())).build());
  }

  public void listWebhookEndpoints(
      ListWebhookEndpointsRequest request, StreamObserver<ListWebhookEndpointsResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest pageRequest = Pages.of(request, DEFAULT_PAGE_SIZE);
    var page = calls.read(tx -> webhooks.list(tx, caller, pageRequest));
    Instant now = now();
    reply(
        out,
        ListWebhookEndpointsResponse.newBuilder()
            .addAllWebhookEndpoints(page.items().stream().map(e -> WebhookMapper.toProto(e, now)).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  public void deleteWebhookEndpoint(
      DeleteWebhookEndpointRequest request, StreamObserver<DeleteWebhookEndpointResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    reply(
        out,
        calls.once(
            caller,
            request,
            DeleteWebhookEndpointResponse.parser(),
            tx -> DeleteWebhookEndpointResponse.newBuilder()
                .setWebhookEndpoint(
                    WebhookMapper.toProto(webhooks.delete(tx, caller, request.getWebhookEndpointId()), now()))
                .build()));
  }

  public void rotateWebhookSecret(RotateWebhookSecretRequest request, StreamObserver<RotateWebhookSecretResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    Duration overlap = request.hasOverlapSeconds() ? Duration.ofSeconds(request.getOverlapSeconds()) : null;
    reply(
        out,
        calls.once(
            caller,
            request,
            RotateWebhookSecretResponse.parser(),
            response -> response.toBuilder().clearSecret().build(),
            tx -> {
              IssuedWebhookEndpoint issued =
                  webhooks.rotateSecret(tx, caller, request.getWebhookEndpointId(), overlap);
              return RotateWebhookSecretResponse.newBuilder()
                  .setWebhookEndpoint(WebhookMapper.toProto(issued.endpoint(), now()))
                  .setSecret(issued.secret())
                  .build();
            }));
  }

  public void listWebhookDeliveries(
      ListWebhookDeliveriesRequest request, StreamObserver<ListWebhookDeliveriesResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest pageRequest = Pages.of(request, DEFAULT_PAGE_SIZE);
    var page =
        calls.read(
            tx -> webhooks.listDeliveries(
                tx, caller, emptyToNull(request.getWebhookEndpointId()), WebhookMapper.toDomain(request.getStatus()),
                pageRequest));
    reply(
        out,
        ListWebhookDeliveriesResponse.newBuilder()
            .addAllWebhookDeliveries(page.items().stream().map(WebhookMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  public void retryWebhookDelivery(RetryWebhookDeliveryRequest request, StreamObserver<RetryWebhookDeliveryResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    reply(
        out,
        calls.once(
            caller,
            request,
            RetryWebhookDeliveryResponse.parser(),
            tx -> RetryWebhookDeliveryResponse.newBuilder()
                .setWebhookDelivery(
                    WebhookMapper.toProto(webhooks.retryDelivery(tx, caller, request.getWebhookDeliveryId())))
                .build()));
  }

  private Instant now() {
    return Times.now(clock);
  }
}
