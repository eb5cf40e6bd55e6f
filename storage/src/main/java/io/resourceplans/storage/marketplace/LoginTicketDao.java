package io.resourceplans.storage.marketplace;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code login_tickets}. */
@RegisterConstructorMapper(LoginTicketRow.class)
public interface LoginTicketDao {
  String COLUMNS = """
      account_id, ticket_id, instance_id, product_id, issue_request_id, issue_time, expire_time, redeem_time
      """;

  @SqlUpdate("""
      insert into login_tickets (account_id, ticket_id, instance_id, product_id, issue_request_id,
                                 issue_time, expire_time, redeem_time)
      values (:accountId, :ticketId, :instanceId, :productId, :issueRequestId, :issueTime, :expireTime, :redeemTime)
      on conflict (account_id, issue_request_id) do nothing
      """)
  int insert(@BindMethods LoginTicketRow row);

  @SqlQuery("select " + COLUMNS + " from login_tickets where account_id = :accountId and issue_request_id = :requestId")
  Optional<LoginTicketRow> findByIssueRequest(@Bind("accountId") String accountId, @Bind("requestId") String requestId);

  @SqlQuery("select " + COLUMNS + " from login_tickets where account_id = :accountId and ticket_id = :ticketId")
  Optional<LoginTicketRow> find(@Bind("accountId") String accountId, @Bind("ticketId") String ticketId);

  /** 1 for the one transaction that redeems it; a concurrent one waits for the row, then gets 0. */
  @SqlUpdate("""
      update login_tickets set redeem_time = :now
       where account_id = :accountId and ticket_id = :ticketId and redeem_time is null
      """)
  int redeem(@Bind("accountId") String accountId, @Bind("ticketId") String ticketId, @Bind("now") Instant now);
}
