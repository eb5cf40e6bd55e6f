package io.resourceplans.storage.marketplace;

import io.resourceplans.domain.marketplace.LoginTicket;
import io.resourceplans.domain.marketplace.LoginTicketRepository;
import java.time.Instant;
import java.util.Optional;

/** {@link LoginTicketRepository} over {@link LoginTicketDao}. */
public final class JdbiLoginTicketRepository implements LoginTicketRepository {
  private final LoginTicketDao dao;

  public JdbiLoginTicketRepository(LoginTicketDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean insert(LoginTicket ticket) {
    return dao.insert(LoginTicketRow.of(ticket)) == 1;
  }

  @Override
  public Optional<LoginTicket> findByIssueRequest(String accountId, String requestId) {
    return dao.findByIssueRequest(accountId, requestId).map(LoginTicketRow::toDomain);
  }

  @Override
  public Optional<LoginTicket> find(String accountId, String ticketId) {
    return dao.find(accountId, ticketId).map(LoginTicketRow::toDomain);
  }

  @Override
  public boolean redeem(String accountId, String ticketId, Instant now) {
    return dao.redeem(accountId, ticketId, now) == 1;
  }
}
