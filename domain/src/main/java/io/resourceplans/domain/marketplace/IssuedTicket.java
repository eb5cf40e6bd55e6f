package io.resourceplans.domain.marketplace;

import java.time.Instant;

/** A signed login ticket as handed to the account. */
public record IssuedTicket(String ticket, String instanceId, Instant expireTime) {}
