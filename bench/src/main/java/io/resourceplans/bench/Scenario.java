package io.resourceplans.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One measured load: which accounts the callers spread over, and how often they resend a request. */
record Scenario(Kind kind, List<BenchAccount> accounts, int retryPercent) {

  Scenario {
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one account");
    }
    accounts = List.copyOf(accounts);
  }

  String describe(int batchSize) {
    String spread = accounts.size() == 1 ? "all calls on 1 account" : "calls round-robin over " + accounts.size() + " accounts";
    String what = kind.rpc() + (kind == Kind.BATCH ? " of " + batchSize + " records" : "") + ", " + spread;
    return retryPercent == 0 ? what : what + ", " + retryPercent + "% of calls resend an earlier request ID";
  }

  /** The measured loads, each with the target issue 18 sets for it. */
  enum Kind {
    MANY_ACCOUNTS("many-accounts", new Target(Yardstick.SIMPLE_UPDATE, 1.0, 10.0)),
    HOT_ACCOUNT("hot-account", new Target(Yardstick.SIMPLE_UPDATE, 1.0, 10.0)),
    RETRIED_IDS("retried-ids", new Target(Yardstick.SIMPLE_UPDATE, 1.0, 10.0)),
    /** As many-accounts, but on accounts with no packages and pay-as-you-go active: every call is charged to the wallet. */
    PAY_AS_YOU_GO("pay-as-you-go", new Target(Yardstick.SIMPLE_UPDATE, 0.8, 10.0)),
    /** CheckQuota (read-only) on the many-accounts accounts: compared with a read-only yardstick. */
    CHECK_QUOTA("check-quota", new Target(Yardstick.SELECT_ONLY, 0.5, 10.0)),
    /**
     * RecordUsages with many records per call on the many-accounts accounts: records/s against
     * pgbench -N tps. A call carries many records, so its latency has no bound of its own.
     */
    BATCH("batch", new Target(Yardstick.SIMPLE_UPDATE, 5.0, Double.NaN)),
    /**
     * The ceiling of any call through this set-up: the standard gRPC health check over the same
     * channel, into the same server (Netty, its executor), with no interceptor, validation or
     * database behind it. Not in the default set; held to check-quota's target, to show whether
     * any call could meet it here.
     */
    RPC_FLOOR("rpc-floor", new Target(Yardstick.SELECT_ONLY, 0.5, 10.0)),
    /**
     * Two-phase usage on the many-accounts accounts: ReserveUsage then CaptureUsage of one message,
     * timed as a pair (docs/holds.md). No issue sets a rate for it (ratio at least 0): reported
     * against pgbench -N, held to no errors and exact quota.
     */
    HOLDS("holds", new Target(Yardstick.SIMPLE_UPDATE, 0.0, Double.NaN));

    private final String label;
    private final Target target;

    Kind(String label, Target target) {
      this.label = label;
      this.target = target;
    }

    String label() {
      return label;
    }

    Target target() {
      return target;
    }

    boolean payAsYouGo() {
      return this == PAY_AS_YOU_GO;
    }

    /** What the rate counts: records for the batch (many per call), calls otherwise. */
    String rateUnit() {
      return this == BATCH ? "records/s" : this == HOLDS ? "pairs/s" : "calls/s";
    }

    /** The RPC the scenario's callers send. */
    String rpc() {
      return switch (this) {
        case CHECK_QUOTA -> "CheckQuota";
        case BATCH -> "RecordUsages";
        case RPC_FLOOR -> "grpc.health.v1.Health/Check";
        case HOLDS -> "ReserveUsage + CaptureUsage";
        default -> "RecordUsage";
      };
    }

    static Kind named(String label) {
      return Arrays.stream(values())
          .filter(k -> k.label.equals(label))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "unknown scenario " + label + "; known: "
                          + Arrays.stream(values()).map(Kind::label).collect(Collectors.joining(", "))));
    }
  }
}
