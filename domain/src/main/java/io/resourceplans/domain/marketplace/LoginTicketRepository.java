package io.resourceplans.domain.marketplace;

import java.time.Instant;
import java.util.Optional;

/** Login tickets, scoped by account. */
public interface LoginTicketRepository {
  /** Inserts; false if the account already issued a ticket for this request ID. */
  boolean insert(LoginTicket ticket);

  Optional<LoginTicket> findByIssueRequest(String accountId, String requestId);

  Optional<LoginTicket> find(String accountId, String ticketId);

  /**
   * Marks the ticket redeemed if it is not yet: true for exactly one caller, however many
   * transactions try at once (a concurrent one waits, then gets false).
   */
  boolean redeem(String accountId, String ticketId, Instant now);
}
