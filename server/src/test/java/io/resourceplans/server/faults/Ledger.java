package io.resourceplans.server.faults;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what the server's database holds, straight from its tables, for the exactly-once checks. */
final class Ledger implements AutoCloseable {
  private final Connection c;

  Ledger(String jdbcUrl) throws SQLException {
    this.c = DriverManager.getConnection(jdbcUrl);
  }

  /** Rows as column-name maps. */
  List<Map<String, Object>> rows(String sql, Object... args) throws SQLException {
    try (var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (var rs = ps.executeQuery()) {
        List<Map<String, Object>> out = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
          }
          out.add(row);
        }
        return out;
      }
    }
  }

  long count(String sql, Object... args) throws SQLException {
    return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
  }

  BigDecimal amount(String sql, Object... args) throws SQLException {
    Object v = rows(sql, args).get(0).values().iterator().next();
    return v == null ? BigDecimal.ZERO : ((BigDecimal) v).stripTrailingZeros();
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
