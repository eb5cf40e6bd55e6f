package io.resourceplans.storage.billing;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code wallets}. */
@RegisterConstructorMapper(WalletRow.class)
public interface WalletDao {
  @SqlUpdate("""
      insert into wallets (account_id, currency, cash_balance, gift_balance, credit_line, credit_used, update_time)
      values (:accountId, :currency, 0, 0, 0, 0, :now)
      on conflict (account_id) do nothing
      """)
  void createIfAbsent(@Bind("accountId") String accountId, @Bind("currency") String currency, @Bind("now") Instant now);

  @SqlQuery("""
      select account_id, currency, cash_balance, gift_balance, credit_line, credit_used, update_time
        from wallets where account_id = :accountId
         for update
      """)
  WalletRow lock(@Bind("accountId") String accountId);

  @SqlQuery("""
      select account_id, currency, cash_balance, gift_balance, credit_line, credit_used, update_time
        from wallets where account_id = :accountId
      """)
  Optional<WalletRow> find(@Bind("accountId") String accountId);

  @SqlUpdate("""
      update wallets
         set cash_balance = :cashBalance, gift_balance = :giftBalance, credit_line = :creditLine,
             credit_used = :creditUsed, update_time = :updateTime
       where account_id = :accountId
      """)
  int update(@BindMethods WalletRow row);
}
