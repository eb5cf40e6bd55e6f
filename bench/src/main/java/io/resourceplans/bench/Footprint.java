package io.resourceplans.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The server's footprint as a deployment sees it, on the real server jar in a process of its own
 * started by the distribution's launcher (its default JVM options and class data sharing archive):
 * launch to SERVING with the embedded database on a data directory kept from an earlier start, and
 * with this benchmark's (external) database; then the process's resident memory while a short
 * RecordUsage load of the many-accounts kind runs against it.
 */
final class Footprint {
  /** Targets (issue 18): medians of the starts, and the peak resident set under load. */
  static final Duration EMBEDDED_TARGET = Duration.ofSeconds(2);
  static final Duration EXTERNAL_TARGET = Duration.ofSeconds(1);
  static final long RSS_TARGET_BYTES = 300_000_000L;
  /** Starts timed of each kind; the median is the figure (the first start of a JVM on a cold page cache is not). */
  static final int STARTS = 3;
  private static final Duration RSS_SAMPLE_PERIOD = Duration.ofMillis(100);

  record Result(
      Path serverJar,
      List<String> javaOptions,
      boolean javaOptionsGiven,
      boolean classDataSharing,
      Duration firstEmbeddedStart,
      List<Duration> embeddedStarts,
      List<Duration> externalStarts,
      List<Duration> embeddedCpu,
      List<Duration> externalCpu,
      long idleRssKib,
      long peakRssKib,
      ScenarioResult load) {

    Duration embeddedMedian() {
      return median(embeddedStarts);
    }

    Duration externalMedian() {
      return median(externalStarts);
    }

    /**
     * The JVM's CPU time from launch to SERVING (all its threads: the JIT compilers, the collector,
     * class loading), medians; empty where /proc does not tell. Not a target: it varies far less
     * than the wall time between hosts and moments, so it shows a change of the start's work on a
     * busy or slow machine.
     */
    Optional<Duration> embeddedCpuMedian() {
      return embeddedCpu.isEmpty() ? Optional.empty() : Optional.of(median(embeddedCpu));
    }

    Optional<Duration> externalCpuMedian() {
      return externalCpu.isEmpty() ? Optional.empty() : Optional.of(median(externalCpu));
    }

    /** The conditions missed; empty means all three targets are met. */
    List<String> missed() {
      List<String> missed = new ArrayList<>();
      if (embeddedMedian().compareTo(EMBEDDED_TARGET) >= 0) {
        missed.add(String.format(Locale.ROOT, "embedded start %.2f s >= %d s", seconds(embeddedMedian()), EMBEDDED_TARGET.toSeconds()));
      }
      if (externalMedian().compareTo(EXTERNAL_TARGET) >= 0) {
        missed.add(String.format(Locale.ROOT, "external start %.2f s >= %d s", seconds(externalMedian()), EXTERNAL_TARGET.toSeconds()));
      }
      if (peakRssKib * 1024 >= RSS_TARGET_BYTES) {
        missed.add(String.format(Locale.ROOT, "peak RSS %.0f MB >= %d MB", megabytes(peakRssKib), RSS_TARGET_BYTES / 1_000_000));
      }
      return missed;
    }
  }

  private final BenchOptions options;
  private final BenchDatabase database;
  private final String operatorKey;
  private final BenchReport report;

  Footprint(BenchOptions options, BenchDatabase database, String operatorKey, BenchReport report) {
    this.options = options;
    this.database = database;
    this.operatorKey = operatorKey;
    this.report = report;
  }

  /** The server jar: the option, else the one the build put beside this module, else under the working directory. */
  static Path serverJar(BenchOptions options) {
    if (options.serverJar().isPresent()) {
      return Path.of(options.serverJar().get());
    }
    String relative = "server/target/resource-plans-server.jar";
    try {
      // bench/target/resource-plans-bench.jar (or bench/target/classes) -> the repository root
      Path here = Path.of(Footprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = here.getParent().getParent().getParent();
      if (root != null && Files.isRegularFile(root.resolve(relative))) {
        return root.resolve(relative);
      }
    } catch (Exception e) {
      // fall through to the working directory
    }
    return Path.of(relative);
  }

  Result run(List<BenchAccount> accounts) throws Exception {
    Path jar = serverJar(options);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no server jar at " + jar.toAbsolutePath()
          + ": build it (mvn -pl bench -am package builds server/target/resource-plans-server.jar) or pass --server-jar");
    }
    Path appHome = Files.createTempDirectory("rp-bench-footprint-home-");
    LauncherHome home = LauncherHome.create(appHome, jar);
    Optional<String> javaOpts = options.serverJavaOpts().isEmpty() ? Optional.empty() : Optional.of(options.serverJavaOpts());
    List<String> javaOptions = javaOpts.map(o -> Arrays.asList(o.split("\\s+"))).orElseGet(home::defaultJavaOptions);
    Path launcher = home.launcher();
    Path log = Path.of(options.reportDir(), "footprint-server.log");
    Files.deleteIfExists(log);
    report.line("== footprint: %s through the distribution's launcher as a child process (JVM options %s: %s), its output in %s",
        jar, javaOpts.isPresent() ? "given" : "the launcher's defaults", String.join(" ", javaOptions), log);

    String ticketKey = "rpt.bench-footprint-" + UUID.randomUUID();
    Path dataDir = Files.createTempDirectory("rp-bench-footprint-");
    List<String> common = List.of("--operator-key=" + operatorKey, "--ticket-key=" + ticketKey, "--data-dir=" + dataDir);
    try {
      // The first start creates the embedded database (initdb, migrations) and the launcher's class
      // data sharing archive, as a deployment's first start does: not what the target is about.
      Duration first = startAndStop(launcher, javaOpts, common, log).toServing();
      boolean cds = !home.classDataSharingArchives().isEmpty();
      report.line("   embedded, first start (creates the data directory%s): SERVING after %.2f s",
          cds ? " and the class data sharing archive" : "", seconds(first));
      List<Duration> embedded = new ArrayList<>();
      List<Duration> embeddedCpu = new ArrayList<>();
      for (int i = 0; i < STARTS; i++) {
        Start start = startAndStop(launcher, javaOpts, common, log);
        embedded.add(start.toServing());
        start.cpu().ifPresent(embeddedCpu::add);
      }
      report.line("   embedded, kept data directory: SERVING after %s s%s", list(embedded), cpu(embeddedCpu));

      List<String> external = new ArrayList<>(common);
      external.add("--database-url=" + database.jdbcUrl());
      database.user().ifPresent(u -> external.add("--database-user=" + u));
      database.password().ifPresent(p -> external.add("--database-password=" + p));
      List<Duration> externalStarts = new ArrayList<>();
      List<Duration> externalCpu = new ArrayList<>();
      for (int i = 0; i < STARTS - 1; i++) {
        Start start = startAndStop(launcher, javaOpts, external, log);
        externalStarts.add(start.toServing());
        start.cpu().ifPresent(externalCpu::add);
      }
      try (ServerChild child = ServerChild.launch(launcher, javaOpts, external, log)) {
        externalStarts.add(child.awaitServing());
        child.cpuTime().ifPresent(externalCpu::add);
        report.line("   external database %s: SERVING after %s s%s", database.name(), list(externalStarts), cpu(externalCpu));
        long idle = child.rssKib().orElse(-1);
        AtomicLong peak = new AtomicLong(idle);
        Thread sampler = new Thread(() -> sampleRss(child, peak), "rss-sampler");
        sampler.setDaemon(true);
        ScenarioResult load;
        sampler.start();
        try {
          List<BenchAccount> rebound = accounts.stream().map(a -> a.over(child.channel())).toList();
          load = new ScenarioRunner(options.callers(), Duration.ofSeconds(options.warmupSeconds()),
              Duration.ofSeconds(options.footprintSeconds()), options.batchSize())
              .run(new Scenario(Scenario.Kind.MANY_ACCOUNTS, rebound, 0));
        } finally {
          sampler.interrupt();
          sampler.join(5_000);
        }
        report.line("   RSS            %.0f MB when SERVING, peak %.0f MB during %d s warm-up + %d s of RecordUsage"
                + " (%d callers, many-accounts): %.0f calls/s, p99 %.2f ms, %d errors",
            megabytes(idle), megabytes(peak.get()), options.warmupSeconds(), options.footprintSeconds(), options.callers(),
            load.callsPerSecond(), load.percentileMillis(99), load.measuredErrors() + load.otherErrors());
        Result result = new Result(
            jar, javaOptions, javaOpts.isPresent(), cds, first, embedded, externalStarts, embeddedCpu, externalCpu, idle,
            peak.get(), load);
        List<String> missed = result.missed();
        report.line("   target         %s", missed.isEmpty()
            ? String.format(Locale.ROOT, "PASS (SERVING < %d s embedded, < %d s external; RSS < %d MB under load)",
                EMBEDDED_TARGET.toSeconds(), EXTERNAL_TARGET.toSeconds(), RSS_TARGET_BYTES / 1_000_000)
            : "FAIL: " + String.join("; ", missed));
        return result;
      }
    } finally {
      deleteRecursively(dataDir);
      deleteRecursively(appHome);
    }
  }

  /** One start: launch to SERVING, and the JVM's CPU time by then. */
  record Start(Duration toServing, Optional<Duration> cpu) {}

  private static Start startAndStop(Path launcher, Optional<String> javaOpts, List<String> args, Path log) throws Exception {
    try (ServerChild child = ServerChild.launch(launcher, javaOpts, args, log)) {
      Duration toServing = child.awaitServing();
      return new Start(toServing, child.cpuTime());
    }
  }

  /** ", CPU a / b / c s" for the report's lines; empty where /proc did not tell. */
  private static String cpu(List<Duration> cpu) {
    return cpu.isEmpty() ? "" : ", CPU " + list(cpu) + " s";
  }

  private static void sampleRss(ServerChild child, AtomicLong peak) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        OptionalLong rss = child.rssKib();
        if (rss.isPresent()) {
          peak.accumulateAndGet(rss.getAsLong(), Math::max);
        }
        Thread.sleep(RSS_SAMPLE_PERIOD.toMillis());
      }
    } catch (InterruptedException done) {
      Thread.currentThread().interrupt();
    }
  }

  static Duration median(List<Duration> durations) {
    List<Duration> sorted = durations.stream().sorted().toList();
    return sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() / 2);
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  static double megabytes(long kib) {
    return kib * 1024 / 1e6;
  }

  private static String list(List<Duration> durations) {
    return String.join(" / ", durations.stream().map(d -> String.format(Locale.ROOT, "%.2f", seconds(d))).toList());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
