package io.resourceplans.storage.quota;

import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.quota.CoveredUsageRecorder;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.storage.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@link CoveredUsageRecorder} as one call of {@code rp_record_covered_usage} (V11) on a pooled
 * connection in autocommit mode: the statement is its own transaction, so the call is one round
 * trip and the package row locks are released by its commit, with no network wait in between.
 */
public final class SqlCoveredUsageRecorder implements CoveredUsageRecorder {
  /** RPU01: packages fall short; RPU02: an alert setting changes state (V11). */
  private static final Set<String> LEFT_TO_THE_FULL_PATH = Set.of("RPU01", "RPU02");

  private record Row(String outcome, byte[] fingerprint, UsageRecord record) {}

  private final DataSource dataSource;

  public SqlCoveredUsageRecorder(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Outcome record(IdempotencyKey key, UsageRecord draft) {
    List<Row> rows;
    try (Connection c = dataSource.getConnection()) {
      rows = new Sql(c).list("""
          select * from rp_record_covered_usage(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
          rs -> new Row(rs.getString("outcome"), rs.getBytes("fingerprint"),
              rs.getString("usage_id") == null ? null : UsageRows.record(rs)),
          key.scope(), key.requestId(), key.fingerprint(), draft.accountId(), draft.usageId(), draft.productId(),
          draft.purpose().name(), draft.regionId(), draft.quantity(), draft.payAsYouGoCharge().currency(),
          draft.recordTime());
    } catch (Sql.SqlFailure e) {
      if (e.getCause() instanceof SQLException sql && LEFT_TO_THE_FULL_PATH.contains(sql.getSQLState())) {
        return new NotCovered();
      }
      throw e;
    } catch (SQLException e) {
      throw new Sql.SqlFailure(e);
    }
    if (rows.size() != 1) {
      throw new IllegalStateException("rp_record_covered_usage returned " + rows.size() + " rows");
    }
    Row row = rows.get(0);
    return switch (row.outcome()) {
      case "RECORDED" -> new Recorded(row.record());
      case "CLAIMED" -> new Claimed(row.fingerprint(), row.record());
      default -> throw new IllegalStateException("rp_record_covered_usage: unknown outcome " + row.outcome());
    };
  }
}
