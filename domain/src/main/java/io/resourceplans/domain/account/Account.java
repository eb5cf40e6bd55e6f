package io.resourceplans.domain.account;

import java.time.Instant;

/**
 * A cloud customer (the main account). {@code testClockId}: the test clock it was created on, for
 * life (its time is the clock's), or null for a real account.
 */
public record Account(
    String accountId,
    String displayName,
    String contactEmail,
    String contactPhone,
    String defaultRegionId,
    IdentityState identityState,
    Instant createTime,
    String testClockId) {
}
