package io.resourceplans.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The pgbench runs of this benchmark run, by script; a script not run has no figure. */
final class Yardsticks {
  private final Map<Yardstick, PgbenchResult> results = new EnumMap<>(Yardstick.class);

  void put(Yardstick yardstick, PgbenchResult result) {
    results.put(yardstick, result);
  }

  Optional<PgbenchResult> result(Yardstick yardstick) {
    return Optional.ofNullable(results.get(yardstick));
  }

  /** The tps of the script, NaN when it was not run (pgbench missing, or no scenario needed it). */
  double tps(Yardstick yardstick) {
    PgbenchResult result = results.get(yardstick);
    return result == null ? Double.NaN : result.tps();
  }
}
