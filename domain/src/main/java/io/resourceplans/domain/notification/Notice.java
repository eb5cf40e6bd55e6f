package io.resourceplans.domain.notification;

/**
 * The content of one notification, the same on every channel. {@code dedupePrefix} identifies the
 * event; with the channel appended it is the outbox's exactly-once key.
 */
public record Notice(
    NotificationKind kind, String title, String body, String productId, String packageId, String dedupePrefix) {}
