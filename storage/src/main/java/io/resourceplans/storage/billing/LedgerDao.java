package io.resourceplans.storage.billing;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Queries of {@code ledger_entries} (entries are written by {@link JdbiLedgerRepository#insert} in plain JDBC). */
@RegisterConstructorMapper(LedgerEntryRow.class)
public interface LedgerDao {
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
