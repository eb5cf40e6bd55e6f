package io.resourceplans.storage.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code payg_spend_alerts} (V27). Every statement names the account but the pass's listing. */
@RegisterConstructorMapper(PayAsYouGoSpendAlertRow.class)
public interface PayAsYouGoSpendAlertDao {
  String COLUMNS = "account_id, threshold, currency, month, month_spend, counted_until, trigger_time";

  @SqlQuery("select " + COLUMNS + " from payg_spend_alerts where account_id = :accountId")
  Optional<PayAsYouGoSpendAlertRow> find(@Bind("accountId") String accountId);

  @SqlQuery("select " + COLUMNS + " from payg_spend_alerts where account_id = :accountId for update")
  Optional<PayAsYouGoSpendAlertRow> lock(@Bind("accountId") String accountId);

  @SqlUpdate("""
      insert into payg_spend_alerts (account_id, threshold, currency, month, month_spend, counted_until, trigger_time)
      values (:accountId, :threshold, :currency, :month, :monthSpend, :countedUntil, :triggerTime)
      on conflict (account_id) do update
        set threshold = excluded.threshold, currency = excluded.currency, month = excluded.month,
            month_spend = excluded.month_spend, counted_until = excluded.counted_until,
            trigger_time = excluded.trigger_time
      """)
  void save(
      @Bind("accountId") String accountId,
      @Bind("threshold") BigDecimal threshold,
      @Bind("currency") String currency,
      @Bind("month") LocalDate month,
      @Bind("monthSpend") BigDecimal monthSpend,
      @Bind("countedUntil") Instant countedUntil,
      @Bind("triggerTime") Instant triggerTime);

  @SqlUpdate("delete from payg_spend_alerts where account_id = :accountId")
  int delete(@Bind("accountId") String accountId);

  /** The pass's walk over every account with an alert, in account order. */
  @SqlQuery("""
      select account_id from payg_spend_alerts
       where cast(:after as text) is null or account_id > :after
       order by account_id
       limit :limit
      """)
  List<String> accountsAfter(@Bind("after") String after, @Bind("limit") int limit);
}
