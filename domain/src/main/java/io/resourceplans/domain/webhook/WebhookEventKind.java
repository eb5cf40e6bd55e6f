package io.resourceplans.domain.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a webhook event reports. {@link #wireName()} is the {@code kind} of the JSON body
 * (docs/webhooks.md); the constant names are the proto enum's without its prefix.
 */
public enum WebhookEventKind {
  /** A quota alert threshold was crossed (the alert rule queued a QUOTA_ALERT). */
  QUOTA_ALERT_CROSSED("quota.alert_crossed"),
  /** A package expires within one of the reminder offsets (the expiry reminder pass). */
  PACKAGE_EXPIRING("package.expiring"),
  /** An order was paid and its packages issued. */
  ORDER_PAID("order.paid"),
  /**
   * A package expired with quantity left (the expiry pass marks it lapsed, within a reminder period
   * of its expiry; a test clock's advance past it, dated at the expiry).
   */
  PACKAGE_EXPIRED("package.expired"),
  /** A quota hold expired while active; the hold expiry pass released what was not captured. */
  HOLD_EXPIRED("hold.expired"),
  /** A usage or a hold took a package's last units (its remaining quantity reached 0). */
  PACKAGE_EXHAUSTED("package.exhausted"),
  /** The month's pay-as-you-go spend reached the account's spend alert threshold. */
  PAYG_SPEND_THRESHOLD_CROSSED("payg.spend_threshold_crossed");

  private final String wireName;

  WebhookEventKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<WebhookEventKind> byName(String name) {
    return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
  }
}
