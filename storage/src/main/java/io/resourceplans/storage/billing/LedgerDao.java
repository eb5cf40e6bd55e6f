package io.resourceplans.storage.billing;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code ledger_entries}. */
@RegisterConstructorMapper(LedgerEntryRow.class)
public interface LedgerDao {
  @SqlUpdate("""
      insert into ledger_entries (account_id, ledger_entry_id, kind, balance_kind, amount, balance_after,
                                  currency, order_id, usage_id, description, create_time)
      values (:accountId, :ledgerEntryId, :kind, :balanceKind, :amount, :balanceAfter,
              :currency, :orderId, :usageId, :description, :createTime)
      """)
  void insert(@BindMethods LedgerEntryRow row);

  @SqlQuery("""
      select account_id, ledger_entry_id, kind, balance_kind, amount, balance_after, currency,
             order_id, usage_id, description, create_time
        from ledger_entries
       where account_id = :accountId
         and (cast(:balanceKind as text) is null or balance_kind = :balanceKind)
         and (cast(:kind as text) is null or kind = :kind)
         and (cast(:beforeTime as timestamptz) is null
              or (create_time, ledger_entry_id) < (:beforeTime, :beforeId))
       order by create_time desc, ledger_entry_id desc
       limit :limit
      """)
  List<LedgerEntryRow> list(
      @Bind("accountId") String accountId,
      @Bind("balanceKind") String balanceKind,
      @Bind("kind") String kind,
      @Bind("beforeTime") Instant beforeTime,
      @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);
}
