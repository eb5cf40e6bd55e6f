package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchDatabaseTest {
  @Test
  void pointsPgbenchAndOtherDatabasesAtTheSameServer() {
    BenchDatabase db = BenchDatabase.of("jdbc:postgresql://10.0.0.5:5433/rp_bench?user=bench&password=secret", java.util.List.of());
    assertEquals("rp_bench", db.name());
    assertEquals("jdbc:postgresql://10.0.0.5:5433/rp_pgbench?user=bench&password=secret", db.jdbcUrlFor("rp_pgbench"));
    assertEquals(List.of("-h", "10.0.0.5", "-p", "5433", "-U", "bench"), db.connectionArguments());
    assertEquals("secret", db.password().orElseThrow());
  }
}
