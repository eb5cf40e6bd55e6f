package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void defaultsAreTheIssueTargetSetUp() {
    BenchOptions options = BenchOptions.parse();
    assertEquals(16, options.callers());
    assertEquals(List.of(Scenario.Kind.MANY_ACCOUNTS, Scenario.Kind.HOT_ACCOUNT, Scenario.Kind.RETRIED_IDS), options.scenarios());
    assertEquals(30, options.retryPercent());
    assertEquals(BenchOptions.DEFAULT_DATABASE_URL, options.databaseUrl());
    assertEquals(Optional.empty(), options.pgbench());
  }

  @Test
  void readsBothOptionSpellings() {
    BenchOptions options = BenchOptions.parse("--callers", "4", "--seconds=5", "--scenarios", "hot-account");
    assertEquals(4, options.callers());
    assertEquals(5, options.seconds());
    assertEquals(List.of(Scenario.Kind.HOT_ACCOUNT), options.scenarios());
  }

  @Test
  void refusesUnknownOptionsScenariosAndOutOfRangeValues() {
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--threads", "4"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--scenarios", "cold-account"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--packages-per-account", "101"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--callers"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--citus-workers", "127.0.0.1"));
  }

  @Test
  void citusWorkersAreNoneByDefaultOrTheListGiven() {
    assertEquals(List.of(), BenchOptions.parse().citusWorkers());
    assertEquals(List.of("127.0.0.1:5442", "127.0.0.1:5443"),
        BenchOptions.parse("--citus-workers", "127.0.0.1:5442, 127.0.0.1:5443").citusWorkers());
  }
}
