package io.resourceplans.bench;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a {@code pgbench} run printed that the report needs. */
record PgbenchResult(double tps, OptionalDouble latencyAverageMillis, OptionalLong failedTransactions, List<String> command) {
  private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9]+(?:\\.[0-9]+)?)(?: \\(([^)]*)\\))?");
  private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9]+(?:\\.[0-9]+)?) ms");
  private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: ([0-9]+)");

  /**
   * Reads pgbench's summary. Newer versions print one {@code tps} line "(without initial
   * connection time)"; older ones print it "including" and "excluding connections establishing":
   * the figure without connection set-up is the one taken.
   */
  static PgbenchResult parse(String output, List<String> command) {
    Matcher tps = TPS.matcher(output);
    Double first = null;
    Double withoutConnecting = null;
    while (tps.find()) {
      double value = Double.parseDouble(tps.group(1));
      if (first == null) {
        first = value;
      }
      String note = tps.group(2) == null ? "" : tps.group(2);
      if (note.startsWith("without") || note.startsWith("excluding")) {
        withoutConnecting = value;
      }
    }
    if (first == null) {
      throw new IllegalArgumentException("no 'tps = ...' line in pgbench output:\n" + output);
    }
    Matcher latency = LATENCY.matcher(output);
    Matcher failed = FAILED.matcher(output);
    return new PgbenchResult(
        withoutConnecting != null ? withoutConnecting : first,
        latency.find() ? OptionalDouble.of(Double.parseDouble(latency.group(1))) : OptionalDouble.empty(),
        failed.find() ? OptionalLong.of(Long.parseLong(failed.group(1))) : OptionalLong.empty(),
        List.copyOf(command));
  }
}
