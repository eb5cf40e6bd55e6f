package io.resourceplans.domain.notification;

import java.time.Instant;

/** A message the account lists and marks read; product and package IDs are empty when not concerned. */
public record InternalMessage(
    String accountId,
    String messageId,
    NotificationKind kind,
    String title,
    String body,
    String productId,
    String packageId,
    Instant createTime,
    Instant readTime) {

  public boolean read() {
    return readTime != null;
  }
}
