package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.WebhookDelivery;
import io.resourceplans.api.v1.WebhookDeliveryStatus;
import io.resourceplans.api.v1.WebhookEndpoint;
import io.resourceplans.api.v1.WebhookEventKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Webhook endpoints and deliveries between the domain and the API; never a secret. */
public final class WebhookMapper {
  private WebhookMapper() {}

  public static WebhookEndpoint toProto(io.resourceplans.domain.webhook.WebhookEndpoint e, Instant now) {
    WebhookEndpoint.Builder b =
        WebhookEndpoint.newBuilder()
            .setWebhookEndpointId(e.endpointId())
            .setUrl(e.url())
            .setDescription(e.description())
            .setCreateTime(Timestamps.of(e.createTime()))
            .setUpdateTime(Timestamps.of(e.updateTime()));
    EnumSet.copyOf(e.eventKinds()).forEach(k -> b.addEventKinds(toProto(k)));
    if (e.previousSecretUntil() != null && now.isBefore(e.previousSecretUntil())) {
      b.setPreviousSecretExpireTime(Timestamps.of(e.previousSecretUntil()));
    }
    if (e.deleteTime() != null) {
      b.setDeleteTime(Timestamps.of(e.deleteTime()));
    }
    return b.build();
  }

  public static WebhookDelivery toProto(io.resourceplans.domain.webhook.WebhookDelivery d) {
    WebhookDelivery.Builder b =
        WebhookDelivery.newBuilder()
            .setWebhookDeliveryId(d.deliveryId())
            .setWebhookEndpointId(d.endpointId())
            .setEventId(d.eventId())
            .setEventKind(toProto(d.eventKind()))
            .setPayload(d.payload())
            .setStatus(toProto(d.status()))
            .setAttempts(d.attempts())
            .setLastError(d.lastError() == null ? "" : d.lastError())
            .setLastHttpStatus(d.lastStatusCode())
            .setCreateTime(Timestamps.of(d.createTime()))
            .setGiveUpTime(Timestamps.of(d.giveUpTime()));
    if (d.nextAttemptTime() != null && d.status() == io.resourceplans.domain.webhook.WebhookDeliveryStatus.PENDING) {
      b.setNextAttemptTime(Timestamps.of(d.nextAttemptTime()));
    }
    if (d.finishTime() != null) {
      b.setFinishTime(Timestamps.of(d.finishTime()));
    }
    return b.build();
  }

  public static WebhookEventKind toProto(io.resourceplans.domain.webhook.WebhookEventKind k) {
    return WebhookEventKind.valueOf("WEBHOOK_EVENT_KIND_" + k.name());
  }

  /** The request's kinds (validated: defined, not unspecified). */
  public static Set<io.resourceplans.domain.webhook.WebhookEventKind> toDomain(List<WebhookEventKind> kinds) {
    Set<io.resourceplans.domain.webhook.WebhookEventKind> out =
        EnumSet.noneOf(io.resourceplans.domain.webhook.WebhookEventKind.class);
    for (WebhookEventKind k : kinds) {
      out.add(io.resourceplans.domain.webhook.WebhookEventKind.valueOf(k.name().substring("WEBHOOK_EVENT_KIND_".length())));
    }
    return out;
  }

  public static WebhookDeliveryStatus toProto(io.resourceplans.domain.webhook.WebhookDeliveryStatus s) {
    return WebhookDeliveryStatus.valueOf("WEBHOOK_DELIVERY_STATUS_" + s.name());
  }

  /** Null for unspecified (any). */
  public static io.resourceplans.domain.webhook.WebhookDeliveryStatus toDomain(WebhookDeliveryStatus s) {
    return switch (s) {
      case WEBHOOK_DELIVERY_STATUS_PENDING -> io.resourceplans.domain.webhook.WebhookDeliveryStatus.PENDING;
      case WEBHOOK_DELIVERY_STATUS_DELIVERED -> io.resourceplans.domain.webhook.WebhookDeliveryStatus.DELIVERED;
      case WEBHOOK_DELIVERY_STATUS_FAILED -> io.resourceplans.domain.webhook.WebhookDeliveryStatus.FAILED;
      default -> null;
    };
  }
}
