package io.resourceplans.domain.marketplace;

import java.time.Instant;

/**
 * The stored facts of a "Login directly" ticket. The ticket string is not stored: {@link
 * LoginTickets} signs these facts, the same way every time. {@code redeemTime} is null until the
 * vendor redeems it.
 */
public record LoginTicket(
    String accountId,
    String ticketId,
    String instanceId,
    String productId,
    String issueRequestId,
    Instant issueTime,
    Instant expireTime,
    Instant redeemTime) {}
