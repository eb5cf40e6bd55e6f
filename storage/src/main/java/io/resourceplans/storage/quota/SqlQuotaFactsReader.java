package io.resourceplans.storage.quota;

import io.resourceplans.domain.quota.QuotaFacts;
import io.resourceplans.domain.quota.QuotaFactsReader;
import io.resourceplans.domain.quota.QuotaFactsReader.Request;
import io.resourceplans.storage.db.Sql;
import io.resourceplans.storage.db.SqlFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * CheckQuota's facts in plain JDBC on a pooled connection in autocommit mode (no transaction around
 * the one statement): {@link #read} is one call of rp_quota_facts, as a {@link QuotaFactsReader}
 * of its own (on Citus, delegated to the account's worker); {@link #readAll} answers many requests
 * with one call of rp_quota_facts_many (plain PostgreSQL only), for {@link BatchingQuotaFactsReader}.
 */
public final class SqlQuotaFactsReader implements QuotaFactsReader {
  private final DataSource dataSource;

  public SqlQuotaFactsReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public QuotaFacts read(Request r) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select * from rp_quota_facts(?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, r.accountId());
      ps.setString(2, r.productId());
      ps.setString(3, r.regionId());
      ps.setString(4, r.purpose().name());
      ps.setLong(5, r.quantity());
      // A typed value, not text cast in the statement: Citus, delegating the call to the account's
      // worker, sends such a cast on as a cast from cstring, which fails.
      ps.setObject(6, r.now().atOffset(ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("rp_quota_facts answered no row");
        }
        return SqlQuotaFactsRepository.facts(rs, r.accountId(), r.quantity());
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** One answer per request, in order, from one statement. */
  public List<QuotaFacts> readAll(List<Request> requests) {
    QuotaFacts[] answers = new QuotaFacts[requests.size()];
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select * from rp_quota_facts_many(?, ?, ?, ?, ?, ?::timestamptz[])")) {
      ps.setArray(1, c.createArrayOf("text", column(requests, Request::accountId)));
      ps.setArray(2, c.createArrayOf("text", column(requests, Request::productId)));
      ps.setArray(3, c.createArrayOf("text", column(requests, Request::regionId)));
      ps.setArray(4, c.createArrayOf("text", column(requests, r -> r.purpose().name())));
      ps.setArray(5, c.createArrayOf("bigint", requests.stream().map(Request::quantity).toArray(Long[]::new)));
      ps.setArray(6, c.createArrayOf("text", column(requests, r -> r.now().toString())));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int i = rs.getInt("n") - 1;
          Request r = requests.get(i);
          answers[i] = SqlQuotaFactsRepository.facts(rs, r.accountId(), r.quantity());
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    for (int i = 0; i < answers.length; i++) {
      if (answers[i] == null) {
        throw new IllegalStateException("rp_quota_facts_many left request " + (i + 1) + " unanswered");
      }
    }
    return List.of(answers);
  }

  /** An unreachable database is DATABASE_UNAVAILABLE, as for any other read; anything else a statement failure. */
  private static RuntimeException failure(SQLException e) {
    return SqlFailures.isUnavailable(e) ? SqlFailures.unavailable(e) : new Sql.SqlFailure(e);
  }

  private static String[] column(List<Request> requests, Function<Request, String> field) {
    return requests.stream().map(field).toArray(String[]::new);
  }
}
