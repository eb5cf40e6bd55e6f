package io.resourceplans.domain.billing;

import java.time.Duration;

/** How long an unpaid order stays payable. */
public record OrderSettings(Duration unpaidOrderTtl) {
  public static final Duration DEFAULT_TTL = Duration.ofHours(24);
}
