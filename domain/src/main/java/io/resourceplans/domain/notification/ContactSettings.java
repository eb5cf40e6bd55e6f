package io.resourceplans.domain.notification;

import java.time.Instant;
import java.util.Set;

/**
 * What the API shows and changes as an account's notification settings: its contacts (on the
 * account) and its {@link NotificationSettings}. {@code contactPhone} is empty when none;
 * {@code updateTime} is null while the account never changed its settings.
 */
public record ContactSettings(
    String accountId,
    String contactEmail,
    String contactPhone,
    Language language,
    Set<NotificationKind> emailOff,
    Set<NotificationKind> smsOff,
    Instant updateTime) {}
