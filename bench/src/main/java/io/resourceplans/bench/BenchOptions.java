package io.resourceplans.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The benchmark's command line: {@code --name value} or {@code --name=value}. */
record BenchOptions(
    int callers,
    int jvmWarmupSeconds,
    int warmupSeconds,
    int seconds,
    int accounts,
    int packagesPerAccount,
    int retryPercent,
    List<Scenario.Kind> scenarios,
    String databaseUrl,
    String pgbenchDatabase,
    int poolSize,
    Optional<String> pgbench,
    List<String> citusWorkers,
    Optional<String> accessLog) {

  static final String DEFAULT_DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/rp_bench?user=postgres";

  private static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("callers", "16");
    d.put("jvm-warmup-seconds", "60");
    d.put("warmup-seconds", "10");
    d.put("seconds", "30");
    d.put("accounts", "64");
    d.put("packages-per-account", "10");
    d.put("retry-percent", "30");
    d.put("scenarios", "many-accounts,hot-account,retried-ids");
    d.put("database-url", DEFAULT_DATABASE_URL);
    d.put("pgbench-database", "rp_pgbench");
    d.put("pool-size", "10");
    d.put("pgbench", "");
    d.put("citus-workers", "");
    d.put("access-log", "");
    return d;
  }

  static String usage() {
    return """
        usage: java -jar bench/target/resource-plans-bench.jar [options]
          --callers N               concurrent RecordUsage callers, and pgbench clients (default 16)
          --jvm-warmup-seconds N    unmeasured load before the first scenario, for the JIT (default 60)
          --warmup-seconds N        closed-loop warm-up before each measured period (default 10)
          --seconds N               measured period of each scenario and of pgbench (default 30)
          --accounts N              accounts of the many-accounts, retried-ids and pay-as-you-go scenarios (default 64)
          --packages-per-account N  sms-domestic-100000 packages bought per account, 1..100 (default 10)
          --retry-percent N         share of calls of retried-ids that resend an earlier request (default 30)
          --scenarios LIST          comma-separated: many-accounts,hot-account,retried-ids (the default),
                                    and pay-as-you-go (accounts without packages, every message charged)
          --database-url URL        the server's database; DROPPED and recreated on every run
                                    (default %s)
          --pgbench-database NAME   database for pgbench on the same server, dropped and recreated (default rp_pgbench)
          --pool-size N             the server's connection pool (default 10, the server's own default)
          --pgbench PATH            pgbench binary (default: PATH, then /usr/lib/postgresql/*/bin)
          --citus-workers LIST      host:port of each worker when --database-url is a Citus coordinator
                                    (comma-separated): both databases are made Citus databases on every
                                    node, the server's tables distributed by its migrations and pgbench's
                                    by aid (docs/scaling.md)
          --access-log FILE         write the server's access log (one line per call, as the server does by
                                    default) to FILE, to measure its cost; default: off
        """
        .formatted(DEFAULT_DATABASE_URL);
  }

  /** Parses the arguments; unknown options and bad values throw IllegalArgumentException. */
  static BenchOptions parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      values.put(name, value);
    }
    return new BenchOptions(
        number(values, "callers", 1, 1024),
        number(values, "jvm-warmup-seconds", 0, 3600),
        number(values, "warmup-seconds", 0, 3600),
        number(values, "seconds", 1, 3600),
        number(values, "accounts", 1, 10_000),
        number(values, "packages-per-account", 1, 100),
        number(values, "retry-percent", 0, 100),
        scenarios(values.get("scenarios")),
        values.get("database-url"),
        values.get("pgbench-database"),
        number(values, "pool-size", 1, 500),
        values.get("pgbench").isBlank() ? Optional.empty() : Optional.of(values.get("pgbench")),
        workers(values.get("citus-workers")),
        values.get("access-log").isBlank() ? Optional.empty() : Optional.of(values.get("access-log")));
  }

  private static int number(Map<String, String> values, String name, int min, int max) {
    String raw = values.get(name);
    int n;
    try {
      n = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, not " + raw);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException("--" + name + " must be within " + min + ".." + max);
    }
    return n;
  }

  private static List<String> workers(String raw) {
    List<String> workers = new ArrayList<>();
    for (String worker : raw.split(",")) {
      if (worker.isBlank()) {
        continue;
      }
      if (!worker.trim().matches("[^:/]+:\\d+")) {
        throw new IllegalArgumentException("--citus-workers takes host:port,host:port, not " + raw);
      }
      workers.add(worker.trim());
    }
    return List.copyOf(workers);
  }

  private static List<Scenario.Kind> scenarios(String raw) {
    List<Scenario.Kind> kinds = new ArrayList<>();
    for (String name : raw.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      Scenario.Kind kind = Scenario.Kind.named(name.trim());
      if (!kinds.contains(kind)) {
        kinds.add(kind);
      }
    }
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("--scenarios names none");
    }
    return List.copyOf(kinds);
  }
}
