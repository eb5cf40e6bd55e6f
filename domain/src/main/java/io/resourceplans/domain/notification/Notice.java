package io.resourceplans.domain.notification;

import java.util.Map;

/**
 * One notification, before it is written in the recipient's language: its kind picks the
 * template, {@code params} fill it. {@code dedupePrefix} identifies the event; with the channel
 * appended it is the outbox's exactly-once key. Product and package IDs are empty when not
 * concerned.
 */
public record Notice(
    NotificationKind kind, Map<String, String> params, String productId, String packageId, String dedupePrefix) {
  public Notice {
    params = Map.copyOf(params);
  }
}
