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
    // Every scenario with a target of the issue's; rpc-floor (the ceiling) only when asked for.
    assertEquals(java.util.Arrays.stream(Scenario.Kind.values()).filter(k -> k != Scenario.Kind.RPC_FLOOR).toList(),
        options.scenarios());
    assertEquals(100, options.batchSize());
    assertEquals(false, options.sweep());
    assertEquals(List.of(1_000, 10_000, 100_000, 1_000_000), options.sweepSizes());
    assertEquals(false, options.footprint());
    assertEquals("", options.serverJavaOpts()); // the launcher's own defaults
    assertEquals("bench/target/report", options.reportDir());
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
  void sweepAndFootprintAreFlagsThatTakeNoValue() {
    BenchOptions options = BenchOptions.parse("--sweep", "--footprint", "--sweep-sizes", "1000,10000,100000", "--seconds", "10");
    assertEquals(true, options.sweep());
    assertEquals(true, options.footprint());
    assertEquals(List.of(1_000, 10_000, 100_000), options.sweepSizes());
    assertEquals(10, options.seconds());
    assertEquals(false, BenchOptions.parse("--sweep=false").sweep());
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--sweep=maybe"));
  }

  @Test
  void sweepSizesAreAscendingAndAtLeastTwo() {
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--sweep-sizes", "10000,1000"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--sweep-sizes", "1000"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--sweep-sizes", "1000,lots"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--batch-size", "1001"));
  }

  @Test
  void scenariosNoneLeavesOnlyTheSweepOrTheFootprint() {
    assertEquals(List.of(), BenchOptions.parse("--scenarios", "none", "--sweep").scenarios());
    assertEquals(List.of(Scenario.Kind.CHECK_QUOTA, Scenario.Kind.BATCH),
        BenchOptions.parse("--scenarios", "check-quota,batch").scenarios());
    assertEquals(List.of(Scenario.Kind.RPC_FLOOR, Scenario.Kind.CHECK_QUOTA),
        BenchOptions.parse("--scenarios", "rpc-floor,check-quota").scenarios());
  }

  @Test
  void targetsAreIssue18s() {
    assertEquals(new Target(Yardstick.SIMPLE_UPDATE, 1.0, 10.0), Scenario.Kind.MANY_ACCOUNTS.target());
    assertEquals(new Target(Yardstick.SIMPLE_UPDATE, 1.0, 10.0), Scenario.Kind.HOT_ACCOUNT.target());
    assertEquals(new Target(Yardstick.SIMPLE_UPDATE, 1.0, 10.0), Scenario.Kind.RETRIED_IDS.target());
    assertEquals(0.8, Scenario.Kind.PAY_AS_YOU_GO.target().minRatio());
    assertEquals(new Target(Yardstick.SELECT_ONLY, 0.5, 10.0), Scenario.Kind.CHECK_QUOTA.target());
    // The ceiling is held to check-quota's target: could any call meet it here?
    assertEquals(Scenario.Kind.CHECK_QUOTA.target(), Scenario.Kind.RPC_FLOOR.target());
    assertEquals(5.0, Scenario.Kind.BATCH.target().minRatio());
    assertEquals(false, Scenario.Kind.BATCH.target().boundsP99());
  }

  @Test
  void citusWorkersAreNoneByDefaultOrTheListGiven() {
    assertEquals(List.of(), BenchOptions.parse().citusWorkers());
    assertEquals(List.of("127.0.0.1:5442", "127.0.0.1:5443"),
        BenchOptions.parse("--citus-workers", "127.0.0.1:5442, 127.0.0.1:5443").citusWorkers());
  }
}
