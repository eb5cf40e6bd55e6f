package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.DeliveryStatus;
import io.resourceplans.domain.notification.OutboxBacklog;
import java.time.Instant;

/** One group of {@link OutboxDao#backlog}. */
public record BacklogRow(String channel, String status, long count, Instant oldestCreateTime, Instant oldestDueTime) {
  OutboxBacklog toDomain() {
    return new OutboxBacklog(
        Channel.valueOf(channel), DeliveryStatus.valueOf(status), count, oldestCreateTime, oldestDueTime);
  }
}
