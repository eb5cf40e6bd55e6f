package io.resourceplans.bench;

import io.grpc.ManagedChannel;
import io.resourceplans.client.ResourcePlansClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark, start to end: fresh database, server in this JVM, accounts with packages, pgbench
 * -N (and -S) as the yardsticks, then each scenario; optionally the package-count sweep and the
 * footprint of the server as a process of its own; then report.md and its plots. See
 * docs/benchmark.md.
 */
public final class BenchMain {
  private static final long MESSAGES_PER_PACKAGE = 100_000;
  /** Cash for each pay-as-you-go account: 200,000 messages at 0.05 CNY. */
  private static final long PAY_AS_YOU_GO_YUAN = 10_000;
  static final String REPORT_FILE = "report.md";

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    // Before anything logs: the server jar brings its own logging set-up (INFO); the benchmark's
    // output is its report, so the libraries only speak up for warnings.
    System.setProperty("logback.configurationFile", "logback-bench.xml");
    // The plots are drawn off-screen; no display is needed or wanted.
    System.setProperty("java.awt.headless", "true");
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(BenchOptions.usage());
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(BenchOptions.usage());
      System.exit(2);
      return;
    }
    try {
      run(options, new BenchReport(System.out));
    } catch (Exception e) {
      System.err.println("benchmark set-up failed: " + e);
      e.printStackTrace(System.err);
      System.exit(1);
    }
    // The gRPC and pool threads are closed; exit explicitly in case a library left one behind.
    System.exit(0);
  }

  private static void run(BenchOptions options, BenchReport report) throws Exception {
    options.accessLog().ifPresent(BenchMain::writeAccessLog);
    BenchDatabase database = BenchDatabase.of(options.databaseUrl(), options.citusWorkers());
    Machine machine = Machine.describe(database.serverVersion());
    String started = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    report.line("resource-plans benchmark on %s", machine.label());
    report.line("%s", settings(options));

    database.recreate(database.name());
    String operatorKey = "rpo.bench-" + UUID.randomUUID();
    long start = System.nanoTime();
    MarkdownReport.Run run;
    try (BenchServer server = BenchServer.start(database.jdbcUrl(), options.poolSize(), operatorKey)) {
      report.line("server on 127.0.0.1:%d, database %s recreated (%d migrations), pool %d",
          server.port(), database.name(), server.migrationsApplied(), options.poolSize());
      ManagedChannel channel = LoadCaller.channel("127.0.0.1", server.port());
      try {
        run = runAgainst(channel, operatorKey, options, database, machine.label(), started, report);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    run = writeReport(options, run, report);
    report.tables(run);
    report.line("");
    report.line("report: %s", Path.of(options.reportDir(), REPORT_FILE).toAbsolutePath().normalize());
    report.line("done in %.0f s", (System.nanoTime() - start) / 1e9);
  }

  static String settings(BenchOptions options) {
    return String.format(Locale.ROOT,
        "%d callers; %d s JVM warm-up, then per scenario %d s warm-up + %d s measured; scenarios %s; batch %d records"
            + " per call; server pool %d; sweep %s; footprint %s",
        options.callers(), options.jvmWarmupSeconds(), options.warmupSeconds(), options.seconds(),
        options.scenarios().stream().map(Scenario.Kind::label).toList(), options.batchSize(), options.poolSize(),
        options.sweep() ? options.sweepSizes() + " packages, " + options.sweepCalls() + " calls each in "
            + options.sweepRounds() + " rounds" : "off",
        options.footprint() ? "on (" + options.footprintSeconds() + " s load)" : "off");
  }

  private static MarkdownReport.Run runAgainst(
      ManagedChannel channel,
      String operatorKey,
      BenchOptions options,
      BenchDatabase database,
      String machine,
      String started,
      BenchReport report)
      throws Exception {
    ResourcePlansClient operator = ResourcePlansClient.overChannel(channel, operatorKey, Duration.ofSeconds(30));
    AccountPreparer preparer = new AccountPreparer(operator, channel);
    List<Scenario.Kind> kinds = options.scenarios();
    boolean spread = kinds.contains(Scenario.Kind.MANY_ACCOUNTS) || kinds.contains(Scenario.Kind.RETRIED_IDS)
        || kinds.contains(Scenario.Kind.CHECK_QUOTA) || kinds.contains(Scenario.Kind.BATCH)
        || kinds.contains(Scenario.Kind.HOLDS)
        || kinds.contains(Scenario.Kind.RPC_FLOOR) || options.footprint();
    boolean hot = kinds.contains(Scenario.Kind.HOT_ACCOUNT);
    boolean payAsYouGo = kinds.contains(Scenario.Kind.PAY_AS_YOU_GO);

    long prepareStart = System.nanoTime();
    List<BenchAccount> spreadAccounts =
        spread ? preparer.prepare("Bench Shop", options.accounts(), options.packagesPerAccount()) : List.of();
    List<BenchAccount> hotAccount =
        hot ? preparer.prepare("Bench Hot Shop", 1, options.packagesPerAccount()) : List.of();
    long perAccount = options.packagesPerAccount() * MESSAGES_PER_PACKAGE;
    for (List<BenchAccount> group : List.of(spreadAccounts, hotAccount)) {
      long expected = group.size() * perAccount;
      long actual = AccountPreparer.remaining(group);
      if (actual != expected) {
        throw new IllegalStateException("prepared accounts hold " + actual + " messages, expected " + expected);
      }
    }
    if (spread || hot) {
      report.line("prepared %d accounts with %d x %s (%s, %s) = %,d messages each, in %.1f s",
          spreadAccounts.size() + hotAccount.size(), options.packagesPerAccount(), AccountPreparer.PLAN_SPEC,
          AccountPreparer.PACKAGE_PURPOSE, AccountPreparer.REGION, perAccount, (System.nanoTime() - prepareStart) / 1e9);
    }
    List<BenchAccount> payAsYouGoAccounts = List.of();
    if (payAsYouGo) {
      long start = System.nanoTime();
      payAsYouGoAccounts = preparer.preparePayAsYouGo("Bench PAYG Shop", options.accounts(), PAY_AS_YOU_GO_YUAN);
      report.line("prepared %d accounts with no packages, pay-as-you-go active (%s, %s) and %,d.00 %s cash each, in %.1f s",
          payAsYouGoAccounts.size(), AccountPreparer.PRODUCT, AccountPreparer.REGION, PAY_AS_YOU_GO_YUAN,
          AccountPreparer.CURRENCY, (System.nanoTime() - start) / 1e9);
    }

    EnumSet<Yardstick> needed = EnumSet.noneOf(Yardstick.class);
    kinds.forEach(k -> needed.add(k.target().yardstick()));
    Yardsticks yardsticks = pgbench(options, database, needed, report);

    List<ScenarioResult> results = new ArrayList<>();
    boolean skip = false;
    if (options.jvmWarmupSeconds() > 0 && !kinds.isEmpty()) {
      // The same load, unmeasured: on a busy 2-core machine the JIT needs about a minute before
      // the server's throughput settles, more than a scenario's own warm-up.
      Scenario load = !spreadAccounts.isEmpty() ? new Scenario(Scenario.Kind.MANY_ACCOUNTS, spreadAccounts, 0)
          : !hotAccount.isEmpty() ? new Scenario(Scenario.Kind.MANY_ACCOUNTS, hotAccount, 0)
          : new Scenario(Scenario.Kind.PAY_AS_YOU_GO, payAsYouGoAccounts, 0);
      ScenarioResult warm =
          new ScenarioRunner(options.callers(), Duration.ofSeconds(options.jvmWarmupSeconds()), Duration.ZERO, options.batchSize())
              .run(load);
      report.jvmWarmup(warm, options.jvmWarmupSeconds());
      if (warm.unavailable()) {
        report.line("   the RecordUsage scenarios will say the same; the others still run");
      } else if (warm.aborted()) {
        report.line("   the scenarios are skipped: they would abort the same way");
        skip = true;
      }
    }

    ScenarioRunner runner = new ScenarioRunner(options.callers(), Duration.ofSeconds(options.warmupSeconds()),
        Duration.ofSeconds(options.seconds()), options.batchSize());
    for (Scenario.Kind kind : skip ? List.<Scenario.Kind>of() : kinds) {
      Scenario scenario =
          switch (kind) {
            case MANY_ACCOUNTS, CHECK_QUOTA, BATCH, RPC_FLOOR, HOLDS -> new Scenario(kind, spreadAccounts, 0);
            case HOT_ACCOUNT -> new Scenario(kind, hotAccount, 0);
            case RETRIED_IDS -> new Scenario(kind, spreadAccounts, options.retryPercent());
            case PAY_AS_YOU_GO -> new Scenario(kind, payAsYouGoAccounts, 0);
          };
      ScenarioResult result = runner.run(scenario);
      results.add(result);
      report.scenario(result, yardsticks, options.warmupSeconds(), options.batchSize());
      if (result.aborted() && !result.unavailable()) {
        report.line("   the remaining scenarios are skipped: they would abort the same way");
        break;
      }
    }

    Optional<SweepResult> sweep = Optional.empty();
    if (options.sweep()) {
      sweep = Optional.of(new PackageSweep(database, preparer, options.sweepCalls(), options.sweepRounds(), report).run(options.sweepSizes()));
    }
    Optional<Footprint.Result> footprint = Optional.empty();
    if (options.footprint()) {
      footprint = Optional.of(new Footprint(options, database, operatorKey, report).run(spreadAccounts));
    }
    return new MarkdownReport.Run(machine, started, settings(options), yardsticks, results, sweep, footprint,
        Optional.empty(), Optional.empty());
  }

  /** The plots and report.md into the report directory; the run as written (with the plots it holds). */
  private static MarkdownReport.Run writeReport(BenchOptions options, MarkdownReport.Run run, BenchReport report)
      throws IOException {
    Path dir = Path.of(options.reportDir());
    Files.createDirectories(dir);
    Optional<String> latencyImage = Optional.empty();
    Optional<String> sweepImage = Optional.empty();
    try {
      if (LatencyCharts.writeLatency(dir.resolve(LatencyCharts.LATENCY_FILE), run.results(),
          options.callers() + " callers, " + options.seconds() + " s per scenario")) {
        latencyImage = Optional.of(LatencyCharts.LATENCY_FILE);
      }
      if (run.sweep().isPresent()) {
        LatencyCharts.writeSweep(dir.resolve(LatencyCharts.SWEEP_FILE), run.sweep().get());
        sweepImage = Optional.of(LatencyCharts.SWEEP_FILE);
      }
    } catch (IOException | RuntimeException | Error e) {
      // The figures are in the tables already: a machine without fonts must not lose them.
      report.line("the plots could not be drawn: %s", e);
    }
    MarkdownReport.Run written = new MarkdownReport.Run(run.machine(), run.started(), run.settings(), run.yardsticks(),
        run.results(), run.sweep(), run.footprint(), latencyImage, sweepImage);
    Files.writeString(dir.resolve(REPORT_FILE), MarkdownReport.render(written), StandardCharsets.UTF_8);
    return written;
  }

  /**
   * pgbench with as many clients as callers, each yardstick script after a warm-up run of it; none
   * when pgbench is missing.
   */
  private static Yardsticks pgbench(BenchOptions options, BenchDatabase database, Set<Yardstick> needed, BenchReport report)
      throws Exception {
    Yardsticks yardsticks = new Yardsticks();
    if (needed.isEmpty()) {
      return yardsticks;
    }
    Optional<Path> binary = Pgbench.locate(options.pgbench());
    if (binary.isEmpty()) {
      report.line("== pgbench NOT FOUND%s: no ratio can be computed. Install it (Debian: apt-get install postgresql-15"
              + " or postgresql-client; it ships with the server) or pass --pgbench /path/to/pgbench",
          options.pgbench().map(p -> " at " + p).orElse(" on PATH or under /usr/lib/postgresql"));
      return yardsticks;
    }
    Pgbench pgbench = new Pgbench(binary.get(), database);
    pgbench.initialize(options.pgbenchDatabase());
    int threads = Math.max(1, Math.min(options.callers(), Runtime.getRuntime().availableProcessors()));
    for (Yardstick yardstick : needed) {
      if (options.warmupSeconds() > 0) {
        pgbench.run(options.pgbenchDatabase(), yardstick, options.callers(), threads, options.warmupSeconds());
      }
      PgbenchResult result = pgbench.run(options.pgbenchDatabase(), yardstick, options.callers(), threads, options.seconds());
      report.pgbench(yardstick, result);
      yardsticks.put(yardstick, result);
    }
    return yardsticks;
  }

  /**
   * The server's access log, as it writes it by default (one INFO line per call, the production
   * text pattern, through the asynchronous appender), into {@code file}: the benchmark's logging
   * otherwise keeps only warnings.
   */
  private static void writeAccessLog(String file) {
    ch.qos.logback.classic.LoggerContext context =
        (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.encoder.PatternLayoutEncoder encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
    encoder.setContext(context);
    // logback's own %kvp: the same fields as the server's %kv, without registering a converter here.
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg %kvp{NONE}%n");
    encoder.start();
    ch.qos.logback.core.FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ch.qos.logback.core.FileAppender<>();
    appender.setContext(context);
    appender.setFile(file);
    appender.setAppend(false);
    appender.setEncoder(encoder);
    appender.start();
    // Behind the asynchronous appender, as the server's ServerLogConfigurator puts its console.
    io.resourceplans.server.logging.CallAwareAsyncAppender async = new io.resourceplans.server.logging.CallAwareAsyncAppender();
    async.setContext(context);
    async.setQueueSize(8192);
    async.setDiscardingThreshold(0);
    async.addAppender(appender);
    async.start();
    ch.qos.logback.classic.Logger access = context.getLogger(io.resourceplans.server.logging.AccessLogInterceptor.LOGGER);
    access.setAdditive(false);
    access.addAppender(async);
    access.setLevel(ch.qos.logback.classic.Level.INFO);
  }
}
