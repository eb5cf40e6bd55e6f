package io.resourceplans.storage.quota;

import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Claimed;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Deferred;
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
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Clock clock;

  /** {@code clock}: the server's time, which a pay-as-you-go charge stamps on the wallet and ledger. */
  public SqlCoveredUsageRecorder(DataSource dataSource, DatabaseEngine engine, Clock clock) {
    this.dataSource = dataSource;
    this.engine = engine;
    this.clock = clock;
  }

  /**
   * One outcome per request, in order, all committed together. The caller orders the requests (see
   * {@link BatchingCoveredUsageRecorder}).
   */
  public List<Outcome> recordAll(List<Request> requests) {
    try (Connection c = dataSource.getConnection()) {
      return call(c, requests);
    } catch (SQLException e) {
      throw new Sql.SqlFailure(e);
    }
  }

  /**
   * The records of one RecordUsages call (CoveredUsageRecorder#recordInOrder): decided in the order
   * given, as if sent one by one, the covered ones committed together. The function decides its items
   * in order, each after the earlier ones' deductions, but an item it leaves NOT_COVERED must take
   * the full path before any later item of its account and product is decided (it may deduct
   * packages, charge the rest or queue an alert): such a later item the function recorded is
   * answered Deferred, with everything after it of that product. As the function committed nothing
   * yet (one transaction, not autocommit), it is rolled back and called again without the deferred
   * items (a second round trip, only then), until no recorded item has to be deferred; then the
   * transaction commits. A NOT_COVERED or CLAIMED answer after the first NOT_COVERED item stands: it
   * changed nothing, and a claim does not depend on packages. Items of another product never wait.
   *
   * <p>Unlike the batches of {@link BatchingCoveredUsageRecorder}, one call may hold several
   * (product, region, purpose) of an account, whose package locks the function takes item by item:
   * against a concurrent transaction of the same account that takes them in the other order, this
   * can deadlock, and PostgreSQL then fails one of the two (the caller sends the items to the full
   * path, which retries its own).
   */
  public List<Outcome> recordInOrder(List<Request> requests) {
    Outcome[] answers = new Outcome[requests.size()];
    List<Integer> sent = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      sent.add(i);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        while (true) {
          List<Outcome> raw = call(c, sent.stream().map(requests::get).toList());
          Set<Integer> deferred = inOrder(requests, sent, raw, answers);
          if (deferred.isEmpty()) {
            c.commit();
            break;
          }
          c.rollback();
          sent.removeIf(deferred::contains);
        }
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        // After the commit or rollback; a broken connection is dropped by the pool anyway.
        try {
          c.setAutoCommit(true);
        } catch (SQLException ignored) {
          // Nothing to restore on a connection that failed.
        }
      }
    } catch (SQLException e) {
      throw new Sql.SqlFailure(e);
    }
    for (int i = 0; i < answers.length; i++) {
      if (answers[i] == null) {
        answers[i] = new Deferred();
      }
    }
    return List.of(answers);
  }

  /** Where an account and product stands in {@link #inOrder}. */
  private enum Turn { DECIDING, LEFT_TO_FULL_PATH, DEFERRED }

  /**
   * Answers the items {@code sent} (positions in {@code requests}, in order) from the function's
   * outcomes {@code raw}, as {@link #recordInOrder} says; returns the positions answered Deferred,
   * which the function may have recorded.
   */
  private static Set<Integer> inOrder(List<Request> requests, List<Integer> sent, List<Outcome> raw, Outcome[] answers) {
    Map<String, Turn> turns = new HashMap<>();
    Set<Integer> deferred = new HashSet<>();
    for (int k = 0; k < sent.size(); k++) {
      int i = sent.get(k);
      UsageRecord draft = requests.get(i).draft();
      String product = draft.accountId() + "\n" + draft.productId();
      Turn turn = turns.getOrDefault(product, Turn.DECIDING);
      Outcome outcome = raw.get(k);
      if (turn == Turn.DECIDING && outcome instanceof NotCovered) {
        turns.put(product, Turn.LEFT_TO_FULL_PATH);
      } else if (turn == Turn.LEFT_TO_FULL_PATH && outcome instanceof Recorded) {
        turns.put(product, Turn.DEFERRED);
        turn = Turn.DEFERRED;
      }
      if (turn == Turn.DEFERRED) {
        answers[i] = null;
        deferred.add(i);
      } else {
        answers[i] = outcome;
      }
    }
    return deferred;
  }

  /** One call of the function on {@code c}, in its transaction (or as one of its own in autocommit mode). */
  private List<Outcome> call(Connection c, List<Request> requests) throws SQLException {
    String account = requests.get(0).draft().accountId();
    // Plain PostgreSQL has nothing to delegate to: the function of many accounts, one call less deep.
    boolean oneAccount = engine == DatabaseEngine.CITUS
        && requests.stream().allMatch(r -> r.draft().accountId().equals(account));
    try (PreparedStatement ps = c.prepareStatement(oneAccount
            ? "select * from rp_record_account_usages(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            : "select * from rp_record_covered_usages(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
      // WalletService stamps wallet and ledger rows with the server's time, not a test clock's.
      ps.setObject(11, Times.now(clock).atOffset(ZoneOffset.UTC));
      // Campaign tags, null for none.
      ps.setArray(12, c.createArrayOf("text", column(requests, r -> r.draft().tag())));
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
