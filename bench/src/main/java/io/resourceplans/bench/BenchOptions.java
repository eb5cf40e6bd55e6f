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
    Optional<String> accessLog,
    int batchSize,
    boolean sweep,
    List<Integer> sweepSizes,
    int sweepCalls,
    int sweepRounds,
    boolean footprint,
    int footprintSeconds,
    Optional<String> serverJar,
    String serverJavaOpts,
    String reportDir) {

  static final String DEFAULT_DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/rp_bench?user=postgres";

  private static final Map<String, String> DEFAULTS = defaults();
  /** Options that take no value: {@code --sweep} alone means true ({@code --sweep=false} also works). */
  private static final List<String> FLAGS = List.of("sweep", "footprint");

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("callers", "16");
    d.put("jvm-warmup-seconds", "60");
    d.put("warmup-seconds", "10");
    d.put("seconds", "30");
    d.put("accounts", "64");
    d.put("packages-per-account", "10");
    d.put("retry-percent", "30");
    d.put("scenarios", "many-accounts,hot-account,retried-ids,pay-as-you-go,check-quota,batch,holds");
    d.put("database-url", DEFAULT_DATABASE_URL);
    d.put("pgbench-database", "rp_pgbench");
    d.put("pool-size", "10");
    d.put("pgbench", "");
    d.put("citus-workers", "");
    d.put("access-log", "");
    d.put("batch-size", "100");
    d.put("sweep", "false");
    d.put("sweep-sizes", "1000,10000,100000,1000000");
    d.put("sweep-calls", "1000");
    d.put("sweep-rounds", "5");
    d.put("footprint", "false");
    d.put("footprint-seconds", "20");
    d.put("server-jar", "");
    // Empty: the launcher's own defaults (dist bin/resource-plans), what a deployment that sets no JAVA_OPTS runs.
    d.put("server-java-opts", "");
    d.put("report-dir", "bench/target/report");
    return d;
  }

  static String usage() {
    return """
        usage: java -jar bench/target/resource-plans-bench.jar [options]
          --callers N               concurrent callers of each scenario, and pgbench clients (default 16)
          --jvm-warmup-seconds N    unmeasured load before the first scenario, for the JIT (default 60)
          --warmup-seconds N        closed-loop warm-up before each measured period (default 10)
          --seconds N               measured period of each scenario and of pgbench (default 30)
          --accounts N              accounts of every scenario but hot-account (pay-as-you-go has its own) (default 64)
          --packages-per-account N  sms-domestic-100000 packages bought per account, 1..100 (default 10)
          --retry-percent N         share of calls of retried-ids that resend an earlier request (default 30)
          --scenarios LIST          comma-separated, default all of them: many-accounts, hot-account,
                                    retried-ids, pay-as-you-go (accounts without packages, every message
                                    charged), check-quota (CheckQuota, against pgbench -S), batch
                                    (RecordUsages, records/s against pgbench -N), holds (ReserveUsage
                                    then CaptureUsage of one message, pairs/s); also, not in the
                                    default set: rpc-floor (the gRPC health check through the same
                                    channel and server: the ceiling of any call here); none: only
                                    what --sweep and --footprint ask for
          --batch-size N            records per RecordUsages call of the batch scenario, 1..1000 (default 100)
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
          --sweep                   also the package-count sweep (minutes): one account per size grown by SQL
                                    to it, p50/p99 of CheckQuota, RecordUsage, GetPackageSummary, GetPackage
                                    and ListPackages with each filter; default: off
          --sweep-sizes LIST        package counts of the sweep, ascending (default 1000,10000,100000,1000000)
          --sweep-calls N           measured calls per call kind and size, one after another (default 1000)
          --sweep-rounds N          rounds the measured calls are split into, every size in each round, so
                                    a slow moment of the machine falls on all sizes alike (default 5)
          --footprint               also the footprint (about a minute): the server jar as a child process
                                    started by the distribution's launcher (bin/resource-plans),
                                    launch to SERVING on a kept embedded data dir and on this database, and
                                    its RSS under a RecordUsage load; default: off
          --footprint-seconds N     measured seconds of that load, after --warmup-seconds (default 20)
          --server-jar PATH         the server jar the footprint starts (default: server/target/
                                    resource-plans-server.jar beside this bench's module, else from here)
          --server-java-opts OPTS   JAVA_OPTS of that child, replacing the launcher's defaults (default:
                                    none, so the launcher's own DEFAULT_JAVA_OPTS and CDS archive)
          --report-dir DIR          where report.md and the PNG plots go (default bench/target/report)
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
      } else if (FLAGS.contains(arg.substring(2))) {
        name = arg.substring(2);
        value = "true";
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
        values.get("access-log").isBlank() ? Optional.empty() : Optional.of(values.get("access-log")),
        number(values, "batch-size", 1, 1000),
        flag(values, "sweep"),
        sizes(values.get("sweep-sizes")),
        number(values, "sweep-calls", 10, 100_000),
        number(values, "sweep-rounds", 1, 100),
        flag(values, "footprint"),
        number(values, "footprint-seconds", 1, 3600),
        values.get("server-jar").isBlank() ? Optional.empty() : Optional.of(values.get("server-jar")),
        values.get("server-java-opts").trim(),
        values.get("report-dir"));
  }

  private static boolean flag(Map<String, String> values, String name) {
    String raw = values.get(name).trim();
    if (raw.equals("true") || raw.equals("false")) {
      return Boolean.parseBoolean(raw);
    }
    throw new IllegalArgumentException("--" + name + " takes no value (or =true / =false), not " + raw);
  }

  /** Package counts, ascending and distinct, 1..10,000,000 (the sweep's account already holds one package). */
  private static List<Integer> sizes(String raw) {
    List<Integer> sizes = new ArrayList<>();
    for (String part : raw.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int size;
      try {
        size = Integer.parseInt(part.trim().replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--sweep-sizes takes numbers, not " + part);
      }
      if (size < 2 || size > 10_000_000) {
        throw new IllegalArgumentException("--sweep-sizes must be within 2..10000000, not " + size);
      }
      if (!sizes.isEmpty() && size <= sizes.get(sizes.size() - 1)) {
        throw new IllegalArgumentException("--sweep-sizes must be ascending: " + raw);
      }
      sizes.add(size);
    }
    if (sizes.size() < 2) {
      throw new IllegalArgumentException("--sweep-sizes needs at least two sizes to compare: " + raw);
    }
    return List.copyOf(sizes);
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
    if (raw.trim().equals("none")) {
      return List.of(); // the sweep or the footprint alone
    }
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
