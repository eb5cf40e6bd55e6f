package io.resourceplans.storage.marketplace;

import io.resourceplans.domain.marketplace.LoginTicket;
import java.time.Instant;

/** A row of {@code login_tickets}. */
public record LoginTicketRow(
    String accountId,
    String ticketId,
    String instanceId,
    String productId,
    String issueRequestId,
    Instant issueTime,
    Instant expireTime,
    Instant redeemTime) {

  static LoginTicketRow of(LoginTicket t) {
    return new LoginTicketRow(
        t.accountId(), t.ticketId(), t.instanceId(), t.productId(), t.issueRequestId(), t.issueTime(),
        t.expireTime(), t.redeemTime());
  }

  LoginTicket toDomain() {
    return new LoginTicket(accountId, ticketId, instanceId, productId, issueRequestId, issueTime, expireTime, redeemTime);
  }
}
