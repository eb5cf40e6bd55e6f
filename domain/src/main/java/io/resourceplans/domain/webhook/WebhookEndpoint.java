package io.resourceplans.domain.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An account's registered endpoint. {@code secret} signs deliveries; during a rotation's overlap
 * {@code previousSecret} does too, until {@code previousSecretUntil}. Neither is ever returned
 * after the call that created it, nor logged ({@link #toString()} leaves them out).
 */
public record WebhookEndpoint(
    String accountId,
    String endpointId,
    String url,
    Set<WebhookEventKind> eventKinds,
    String description,
    String secret,
    String previousSecret,
    Instant previousSecretUntil,
    Instant createTime,
    Instant updateTime,
    Instant deleteTime) {
  public WebhookEndpoint {
    eventKinds = Set.copyOf(eventKinds);
  }

  /** The secrets that sign a delivery sent at {@code now}: the current one first. */
  public List<String> signingSecrets(Instant now) {
    List<String> secrets = new ArrayList<>(2);
    secrets.add(secret);
    if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
      secrets.add(previousSecret);
    }
    return secrets;
  }

  public boolean deleted() {
    return deleteTime != null;
  }

  public boolean subscribes(WebhookEventKind kind) {
    return eventKinds.contains(kind);
  }

  @Override
  public String toString() {
    return "WebhookEndpoint[accountId=" + accountId + ", endpointId=" + endpointId + ", url=" + url
        + ", eventKinds=" + eventKinds + "]";
  }
}
