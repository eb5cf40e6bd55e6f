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

  String describe() {
    String spread = accounts.size() == 1 ? "all calls on 1 account" : "calls round-robin over " + accounts.size() + " accounts";
    return retryPercent == 0 ? spread : spread + ", " + retryPercent + "% of calls resend an earlier request ID";
  }

  /** The scenarios of the issue, and pay-as-you-go (not run unless asked for). */
  enum Kind {
    MANY_ACCOUNTS("many-accounts"),
    HOT_ACCOUNT("hot-account"),
    RETRIED_IDS("retried-ids"),
    /** As many-accounts, but on accounts with no packages and pay-as-you-go active: every call is charged to the wallet. */
    PAY_AS_YOU_GO("pay-as-you-go");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    boolean payAsYouGo() {
      return this == PAY_AS_YOU_GO;
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
