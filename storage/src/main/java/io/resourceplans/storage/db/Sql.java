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
 * the driver runs (measured: about half of the server's CPU on RecordUsage); the repositories whose
 * statements run on every message use this class instead (the {@code Sql*Repository} classes;
 * docs/benchmark.md, steps 4 and 14), each for all of its statements. Parameters are positional
 * ({@code ?}); the driver prepares each statement on the server after a few uses.
 *
 * <p>Writes whose outcome the caller does not read can be held ({@link #hold}) and sent with a
 * later round trip: see {@link HeldWrites}, which every statement here sends first.
 */
public final class Sql {
  /** Maps the current row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final HeldWrites held;

  public Sql(Connection connection) {
    this.held = new HeldWrites(connection);
  }

  /** The number of rows changed. */
  public int update(String sql, Object... args) {
    try (PreparedStatement ps = held.execute(sql, args)) {
      return ps.getUpdateCount();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /**
   * Holds a write until the transaction's next round trip ({@link HeldWrites}). It must change
   * exactly {@code expectedRows} rows (-1: any number), or the transaction fails with a
   * {@link HeldWrites.HeldWriteFailure} naming {@code what}. It must be a single INSERT, UPDATE or
   * DELETE without its own RETURNING, or a {@code select f(...)} of a function that writes, held
   * with -1.
   */
  public void hold(String sql, int expectedRows, String what, Object... args) {
    held.add(sql, expectedRows, what, args);
  }

  /** Sends the held writes now ({@link HeldWrites}). */
  public void flush() {
    held.send(false);
  }

  /**
   * Sends the held writes with COMMIT ({@link HeldWrites}); false (nothing sent) when none are
   * held, and the caller commits as usual.
   */
  public boolean flushAndCommit() {
    return held.send(true);
  }

  public <T> List<T> list(String sql, Row<T> row, Object... args) {
    try (PreparedStatement ps = held.execute(sql, args);
        ResultSet rs = ps.getResultSet()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
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
  static int bind(Connection c, PreparedStatement ps, int offset, Object[] args) throws SQLException {
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
      } else if (a instanceof Boolean b) {
        ps.setBoolean(at, b);
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
  public static class SqlFailure extends RuntimeException {
    public SqlFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }

    SqlFailure(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
