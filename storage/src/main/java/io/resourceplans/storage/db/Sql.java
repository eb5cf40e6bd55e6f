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
 * on every message, so they skip that layer. Everything else keeps the SqlObject DAOs. Parameters
 * are positional ({@code ?}); the driver prepares each statement on the server after a few uses.
 *
 * <p>Writes whose outcome the caller does not read ({@link #later}) are held and sent together,
 * as one multi-statement round trip, just before the next statement of the transaction (any
 * statement: JdbiTx flushes before every JDBI statement too), or together with COMMIT at the end.
 * Their row counts are still checked, by the server, before anything commits.
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

  /** The number of rows changed. */
  public int update(String sql, Object... args) {
    flush();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, 0, args);
      return ps.executeUpdate();
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
    if (pending.isEmpty()) {
      return false;
    }
    List<Pending> batch = List.copyOf(pending);
    pending.clear();
    StringBuilder sql = new StringBuilder();
    for (Pending p : batch) {
      if (p.expectedRows() < 0) {
        sql.append(p.sql().strip()).append(";\n");
      } else {
        sql.append("with w as (").append(p.sql().strip()).append(" returning 1)\n")
            .append("select rp_expect_rows((select count(*) from w), ?, ?);\n");
      }
    }
    if (commit) {
      sql.append("commit;\n");
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int at = 0;
      for (Pending p : batch) {
        at = bind(c, ps, at, p.args());
        if (p.expectedRows() >= 0) {
          at = bind(c, ps, at, new Object[] {(long) p.expectedRows(), p.what()});
        }
      }
      ps.execute();
      return true;
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  public <T> List<T> list(String sql, Row<T> row, Object... args) {
    flush();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, 0, args);
      try (ResultSet rs = ps.executeQuery()) {
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
    SqlFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
