package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PgbenchResultTest {
  @Test
  void readsTheTpsWithoutInitialConnectionTimeOfCurrentVersions() {
    String output =
        """
        pgbench (15.20 (Debian 15.20-0+deb12u1))
        transaction type: <builtin: simple update>
        number of clients: 16
        number of transactions actually processed: 120345
        number of failed transactions: 0 (0.000%)
        latency average = 3.989 ms
        initial connection time = 21.511 ms
        tps = 4011.170052 (without initial connection time)
        """;
    PgbenchResult result = PgbenchResult.parse(output, List.of("pgbench", "-N"));
    assertEquals(4011.170052, result.tps(), 1e-9);
    assertEquals(3.989, result.latencyAverageMillis().getAsDouble(), 1e-9);
    assertEquals(0, result.failedTransactions().getAsLong());
  }

  @Test
  void prefersTheFigureExcludingConnectionsOfOlderVersions() {
    String output =
        """
        latency average = 4.100 ms
        tps = 3890.5 (including connections establishing)
        tps = 3902.25 (excluding connections establishing)
        """;
    PgbenchResult result = PgbenchResult.parse(output, List.of("pgbench"));
    assertEquals(3902.25, result.tps(), 1e-9);
    assertEquals(true, result.failedTransactions().isEmpty());
  }

  @Test
  void refusesOutputWithoutATpsLine() {
    assertThrows(IllegalArgumentException.class, () -> PgbenchResult.parse("connection refused\n", List.of("pgbench")));
  }
}
