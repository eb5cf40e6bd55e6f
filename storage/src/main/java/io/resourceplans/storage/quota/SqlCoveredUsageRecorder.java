package io.resourceplans.storage.quota;

import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Claimed;
import io.resourceplans.domain.quota.CoveredUsageRecorder.NotCovered;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Outcome;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Recorded;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.storage.db.DatabaseEngine;
import io.resourceplans.storage.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Covered usage requests as one call of {@code rp_record_covered_usages} (R__usage_functions.sql)
 * on a pooled connection in autocommit mode: the statement is its own transaction, so a batch is
 * one round trip and one commit, and its package row locks are held for no network wait. On
 * Citus a batch holds one account ({@link BatchingCoveredUsageRecorder#forDistributed}) and goes
 * through {@code rp_record_account_usages}, which the coordinator delegates to that account's
 * worker.
 */
public final class SqlCoveredUsageRecorder {
  /**
   * One request: its idempotency key (scoped by the draft's account) and the record to write if
   * packages cover it.
   */
  public record Request(IdempotencyKey key, UsageRecord draft) {}

  private final DataSource dataSource;
  private final DatabaseEngine engine;

  public SqlCoveredUsageRecorder(DataSource dataSource, DatabaseEngine engine) {
    this.dataSource = dataSource;
    this.engine = engine;
  }

  /**
   * One outcome per request, in order, all committed together. The caller orders the requests (see
   * {@link BatchingCoveredUsageRecorder}).
   */
  public List<Outcome> recordAll(List<Request> requests) {
    String account = requests.get(0).draft().accountId();
    // Plain PostgreSQL has nothing to delegate to: the function of many accounts, one call less deep.
    boolean oneAccount = engine == DatabaseEngine.CITUS
        && requests.stream().allMatch(r -> r.draft().accountId().equals(account));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(oneAccount
            ? "select * from rp_record_account_usages(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            : "select * from rp_record_covered_usages(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      // A usage request's idempotency scope is its account (UsageService checks it).
      if (oneAccount) {
        ps.setString(1, account);
      } else {
        ps.setArray(1, c.createArrayOf("text", column(requests, r -> r.draft().accountId())));
      }
      ps.setArray(2, c.createArrayOf("text", column(requests, r -> r.key().requestId())));
      ps.setArray(3, c.createArrayOf("bytea", requests.stream().map(r -> r.key().fingerprint()).toArray(byte[][]::new)));
      ps.setArray(4, c.createArrayOf("text", column(requests, r -> r.draft().usageId())));
      ps.setArray(5, c.createArrayOf("text", column(requests, r -> r.draft().productId())));
      ps.setArray(6, c.createArrayOf("text", column(requests, r -> r.draft().purpose().name())));
      ps.setArray(7, c.createArrayOf("text", column(requests, r -> r.draft().regionId())));
      ps.setArray(8, c.createArrayOf("bigint", requests.stream().map(r -> r.draft().quantity()).toArray(Long[]::new)));
      ps.setArray(9, c.createArrayOf("text", column(requests, r -> r.draft().payAsYouGoCharge().currency())));
      // ISO-8601 text with offset: exact to the microsecond, parsed by the server.
      ps.setArray(10, c.createArrayOf("timestamptz", column(requests, r -> r.draft().recordTime().toString())));
      List<Outcome> outcomes = new ArrayList<>(requests.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt("item") != outcomes.size() + 1) {
            throw new IllegalStateException("rp_record_covered_usages answered out of order");
          }
          outcomes.add(outcome(rs));
        }
      }
      if (outcomes.size() != requests.size()) {
        throw new IllegalStateException(
            "rp_record_covered_usages answered " + outcomes.size() + " of " + requests.size() + " requests");
      }
      return outcomes;
    } catch (SQLException e) {
      throw new Sql.SqlFailure(e);
    }
  }

  private static Outcome outcome(ResultSet rs) throws SQLException {
    String outcome = rs.getString("outcome");
    return switch (outcome) {
      case "RECORDED" -> new Recorded(UsageRows.record(rs));
      case "CLAIMED" -> new Claimed(rs.getBytes("fingerprint"), rs.getString("usage_id") == null ? null : UsageRows.record(rs));
      case "NOT_COVERED" -> new NotCovered();
      default -> throw new IllegalStateException("rp_record_covered_usages: unknown outcome " + outcome);
    };
  }

  private static String[] column(List<Request> requests, Function<Request, String> value) {
    return requests.stream().map(value).toArray(String[]::new);
  }
}
