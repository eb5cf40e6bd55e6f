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
 * Plain JDBC for the usage hot path, on the connection of the transaction's JDBI handle. A JDBI
 * SqlObject call costs tens of microseconds of CPU in attaching, configuring and mapping before
 * the driver runs (measured: about half of the server's CPU on RecordUsage); these statements run
 * on every message, so they skip that layer. Everything else keeps the SqlObject DAOs. Parameters
 * are positional ({@code ?}); the driver prepares each statement on the server after a few uses.
 */
public final class Sql {
  /** Maps the current row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  /** The number of rows changed. */
  public static int update(Connection c, String sql, Object... args) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, args);
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
  public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) {
    List<T> rows = list(c, sql, row, args);
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

  private static void bind(Connection c, PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      int at = i + 1;
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
  }

  /** A statement failed; the SQLException (and its SQLState) is the cause. */
  public static final class SqlFailure extends RuntimeException {
    SqlFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
