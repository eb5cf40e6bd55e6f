package io.resourceplans.domain.notification;

import java.time.Instant;

/**
 * The outbox rows of one channel in one status that still need something: PENDING (to deliver)
 * or FAILED (given up, until an operator retries them). {@code oldestCreateTime} is the oldest
 * row's create time; {@code oldestDueTime} the earliest time a PENDING row was due (null for
 * FAILED).
 */
public record OutboxBacklog(
    Channel channel, DeliveryStatus status, long count, Instant oldestCreateTime, Instant oldestDueTime) {}
