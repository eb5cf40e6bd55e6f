package io.resourceplans.storage.webhook;

import io.resourceplans.domain.webhook.WebhookEndpoint;
import io.resourceplans.domain.webhook.WebhookEventKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** A row of {@code webhook_endpoints}; event kinds are stored as their enum names. */
public record WebhookEndpointRow(
    String accountId,
    String endpointId,
    String url,
    String[] eventKinds,
    String description,
    String secret,
    String previousSecret,
    Instant previousSecretUntil,
    Instant createTime,
    Instant updateTime,
    Instant deleteTime) {

  static WebhookEndpointRow of(WebhookEndpoint e) {
    return new WebhookEndpointRow(
        e.accountId(), e.endpointId(), e.url(),
        EnumSet.copyOf(e.eventKinds()).stream().map(Enum::name).toArray(String[]::new),
        e.description(), e.secret(), e.previousSecret(), e.previousSecretUntil(), e.createTime(), e.updateTime(),
        e.deleteTime());
  }

  WebhookEndpoint toDomain() {
    return new WebhookEndpoint(
        accountId, endpointId, url,
        Arrays.stream(eventKinds).map(WebhookEventKind::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEventKind.class))),
        description, secret, previousSecret, previousSecretUntil, createTime, updateTime, deleteTime);
  }

  @Override
  public String toString() {
    return "WebhookEndpointRow[accountId=" + accountId + ", endpointId=" + endpointId + "]";
  }
}
