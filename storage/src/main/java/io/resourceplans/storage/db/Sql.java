package io.resourceplans.storage.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC for the usage hot path, on the connection of one transaction's JDBI handle. A JDBI
 * SqlObject call costs tens of microseconds of CPU in attaching, configuring and mapping before
 * the driver runs (measured: about half of the server's CPU on RecordUsage); these statements run
 * on every message, so they skip that layer: the claim, packages and usage record, and for
 * pay-as-you-go the wallet, ledger entry, product, region and activation. Everything else keeps
 * the SqlObject DAOs. Parameters
 * are positional ({@code ?}); the driver prepares each statement on the server after a few uses.
 *
 * <p>Writes whose outcome the caller does not read ({@link #later}) are held and sent in the same
 * round trip as the transaction's next statement of this class (a multi-statement text the driver
 * sends at once), or as their own round trip before a JDBI statement (JdbiTx flushes them), or
 * together with COMMIT at the end. Their row counts are still checked, by the server, before
 * anything after them runs or commits.
 */
public final class Sql {
  /** Maps the current row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private record Pending(String sql, Object[] args, int expectedRows, String what) {}

  private final Connection c;
  private final List<Pending> pending = new ArrayList<>();

  public Sql(Connection connection) {
    this.c = connection;
  }

  /** The number of rows changed; any held writes go first, in the same round trip. */
  public int update(String sql, Object... args) {
    List<Pending> held = takeHeld();
    try (PreparedStatement ps = prepare(held, sql, args)) {
      ps.execute();
      skip(ps, held);
      return ps.getUpdateCount();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /**
   * A write sent with the next round trip; it must change exactly {@code expectedRows} rows (-1:
   * any number), or the transaction fails with {@code what} in the message. It must be a single
   * INSERT, UPDATE or DELETE without its own RETURNING (it is wrapped to count its rows).
   */
  public void later(String sql, int expectedRows, String what, Object... args) {
    pending.add(new Pending(sql, args, expectedRows, what));
  }

  /** Sends the held writes, one round trip for all of them. */
  public void flush() {
    send(false);
  }

  /**
   * Sends the held writes and COMMIT in one round trip; false (nothing sent) when none are held,
   * and the caller commits as usual. After a true, the connection's own commit finds no
   * transaction open and sends nothing (PgConnection.commit() is a no-op when the server reports
   * the session idle).
   */
  public boolean flushAndCommit() {
    return send(true);
  }

  /**
   * A held write that must change an exact number of rows is checked by the server
   * ({@code rp_expect_rows}, V9) within the batch: a wrong count is an error there, so the
   * statements after it, COMMIT included, are skipped and the transaction rolls back.
   */
  private boolean send(boolean commit) {
    List<Pending> held = takeHeld();
    if (held.isEmpty()) {
      return false;
    }
    try (PreparedStatement ps = prepare(held, commit ? "commit" : null)) {
      ps.execute();
      return true;
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  private List<Pending> takeHeld() {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<Pending> held = List.copyOf(pending);
    pending.clear();
    return held;
  }

  /**
   * One statement text for the held writes and then {@code last} (if not null), bound in order.
   * A held write that must change an exact number of rows is wrapped so the server counts them.
   */
  private PreparedStatement prepare(List<Pending> held, String last, Object... lastArgs) throws SQLException {
    StringBuilder text = new StringBuilder();
    for (Pending p : held) {
      if (p.expectedRows() < 0) {
        text.append(p.sql().strip()).append(";\n");
      } else {
        text.append("with w as (").append(p.sql().strip()).append(" returning 1)\n")
            .append("select rp_expect_rows((select count(*) from w), ?, ?);\n");
      }
    }
    if (last != null) {
      text.append(last.strip());
    }
    PreparedStatement ps = c.prepareStatement(text.toString());
    try {
      int at = 0;
      for (Pending p : held) {
        at = bind(c, ps, at, p.args());
        if (p.expectedRows() >= 0) {
          at = bind(c, ps, at, new Object[] {(long) p.expectedRows(), p.what()});
        }
      }
      bind(c, ps, at, lastArgs);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /** Moves past the held writes' results to the last statement's. */
  private static void skip(PreparedStatement ps, List<Pending> held) throws SQLException {
    for (int i = 0; i < held.size(); i++) {
      ps.getMoreResults();
    }
  }

  /** Any held writes go first, in the same round trip. */
  public <T> List<T> list(String sql, Row<T> row, Object... args) {
    List<Pending> held = takeHeld();
    try (PreparedStatement ps = prepare(held, sql, args)) {
      ps.execute();
      skip(ps, held);
      try (ResultSet rs = ps.getResultSet()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /** At most one row is expected. */
  public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> rows = list(sql, row, args);
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row, got " + rows.size());
    }
    return rows.stream().findFirst();
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** A {@code text[]} parameter. */
  public record TextArray(String[] values) {}

  /** A {@code bigint[]} parameter. */
  public record BigintArray(Long[] values) {}

  /** Binds from parameter {@code offset + 1}; returns the offset after the last one bound. */
  private static int bind(Connection c, PreparedStatement ps, int offset, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      int at = offset + i + 1;
      Object a = args[i];
      if (a == null) {
        ps.setNull(at, Types.NULL);
      } else if (a instanceof String s) {
        ps.setString(at, s);
      } else if (a instanceof Long l) {
        ps.setLong(at, l);
      } else if (a instanceof Integer n) {
        ps.setInt(at, n);
      } else if (a instanceof Instant t) {
        ps.setObject(at, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
      } else if (a instanceof BigDecimal d) {
        ps.setBigDecimal(at, d);
      } else if (a instanceof byte[] b) {
        ps.setBytes(at, b);
      } else if (a instanceof TextArray t) {
        ps.setArray(at, c.createArrayOf("text", t.values()));
      } else if (a instanceof BigintArray t) {
        ps.setArray(at, c.createArrayOf("bigint", t.values()));
      } else {
        throw new IllegalArgumentException("cannot bind a " + a.getClass().getName());
      }
    }
    return offset + args.length;
  }

  /** A statement failed; the SQLException (and its SQLState) is the cause. */
  public static final class SqlFailure extends RuntimeException {
    public SqlFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
