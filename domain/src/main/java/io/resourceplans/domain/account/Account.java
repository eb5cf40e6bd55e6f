package io.resourceplans.domain.account;

import java.time.Instant;

/** A cloud customer (the main account). */
public record Account(
    String accountId,
    String displayName,
    String contactEmail,
    String contactPhone,
    String defaultRegionId,
    IdentityState identityState,
    Instant createTime) {}
