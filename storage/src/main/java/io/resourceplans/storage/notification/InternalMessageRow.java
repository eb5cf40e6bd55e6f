package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.InternalMessage;
import io.resourceplans.domain.notification.NotificationKind;
import java.time.Instant;

/** A row of {@code internal_messages}. */
public record InternalMessageRow(
    String accountId,
    String messageId,
    String kind,
    String title,
    String body,
    String productId,
    String packageId,
    Instant createTime,
    Instant readTime) {

  static InternalMessageRow of(InternalMessage m) {
    return new InternalMessageRow(
        m.accountId(), m.messageId(), m.kind().name(), m.title(), m.body(), m.productId(), m.packageId(),
        m.createTime(), m.readTime());
  }

  InternalMessage toDomain() {
    return new InternalMessage(
        accountId, messageId, NotificationKind.valueOf(kind), title, body, productId, packageId, createTime, readTime);
  }
}
