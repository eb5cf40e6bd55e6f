package io.resourceplans.bench;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.resourceplans.client.ResourcePlansClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The RecordUsage benchmark, start to end: fresh database, server in this JVM, accounts with
 * packages, pgbench -N as the yardstick, then each scenario. See docs/benchmark.md.
 */
public final class BenchMain {
  private static final long MESSAGES_PER_PACKAGE = 100_000;
  /** Cash for each pay-as-you-go account: 200,000 messages at 0.05 CNY. */
  private static final long PAY_AS_YOU_GO_YUAN = 10_000;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    // Before anything logs: the server jar brings its own logback.xml (INFO); the benchmark's
    // output is its report, so the libraries only speak up for warnings.
    System.setProperty("logback.configurationFile", "logback-bench.xml");
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
    report.line("RecordUsage benchmark on %s", machine.label());
    report.line("%d callers; %d s JVM warm-up, then per scenario %d s warm-up + %d s measured; scenarios %s",
        options.callers(), options.jvmWarmupSeconds(), options.warmupSeconds(), options.seconds(),
        options.scenarios().stream().map(Scenario.Kind::label).toList());

    database.recreate(database.name());
    String operatorKey = "rpo.bench-" + UUID.randomUUID();
    long started = System.nanoTime();
    try (BenchServer server = BenchServer.start(database.jdbcUrl(), options.poolSize(), operatorKey)) {
      report.line("server on 127.0.0.1:%d, database %s recreated (%d migrations), pool %d",
          server.port(), database.name(), server.migrationsApplied(), options.poolSize());
      ManagedChannel channel =
          Grpc.newChannelBuilder("127.0.0.1:" + server.port(), InsecureChannelCredentials.create()).build();
      try {
        runAgainst(channel, operatorKey, options, database, machine, report);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    report.line("done in %.0f s", (System.nanoTime() - started) / 1e9);
  }

  private static void runAgainst(
      ManagedChannel channel,
      String operatorKey,
      BenchOptions options,
      BenchDatabase database,
      Machine machine,
      BenchReport report)
      throws Exception {
    ResourcePlansClient operator = ResourcePlansClient.overChannel(channel, operatorKey, Duration.ofSeconds(30));
    AccountPreparer preparer = new AccountPreparer(operator, channel);
    boolean spread = options.scenarios().contains(Scenario.Kind.MANY_ACCOUNTS)
        || options.scenarios().contains(Scenario.Kind.RETRIED_IDS);
    boolean hot = options.scenarios().contains(Scenario.Kind.HOT_ACCOUNT);
    boolean payAsYouGo = options.scenarios().contains(Scenario.Kind.PAY_AS_YOU_GO);

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

    double pgbenchTps = pgbench(options, database, report);

    if (options.jvmWarmupSeconds() > 0) {
      // The same load, unmeasured: on a busy 2-core machine the JIT needs about a minute before
      // the server's throughput settles, more than a scenario's own warm-up.
      Scenario load = !spreadAccounts.isEmpty() ? new Scenario(Scenario.Kind.MANY_ACCOUNTS, spreadAccounts, 0)
          : !hotAccount.isEmpty() ? new Scenario(Scenario.Kind.MANY_ACCOUNTS, hotAccount, 0)
          : new Scenario(Scenario.Kind.PAY_AS_YOU_GO, payAsYouGoAccounts, 0);
      ScenarioResult warm =
          new ScenarioRunner(options.callers(), Duration.ofSeconds(options.jvmWarmupSeconds()), Duration.ZERO).run(load);
      report.jvmWarmup(warm, options.jvmWarmupSeconds());
      if (warm.aborted()) {
        report.line("   the scenarios are skipped: they would abort the same way");
        report.table(machine, List.of(), pgbenchTps, options);
        return;
      }
    }

    ScenarioRunner runner =
        new ScenarioRunner(options.callers(), Duration.ofSeconds(options.warmupSeconds()), Duration.ofSeconds(options.seconds()));
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario.Kind kind : options.scenarios()) {
      Scenario scenario =
          switch (kind) {
            case MANY_ACCOUNTS -> new Scenario(kind, spreadAccounts, 0);
            case HOT_ACCOUNT -> new Scenario(kind, hotAccount, 0);
            case RETRIED_IDS -> new Scenario(kind, spreadAccounts, options.retryPercent());
            case PAY_AS_YOU_GO -> new Scenario(kind, payAsYouGoAccounts, 0);
          };
      ScenarioResult result = runner.run(scenario);
      results.add(result);
      report.scenario(result, pgbenchTps, options.warmupSeconds());
      if (result.aborted()) {
        report.line("   the remaining scenarios are skipped: they would abort the same way");
        break;
      }
    }
    report.table(machine, results, pgbenchTps, options);
  }

  /** pgbench -N with as many clients as callers, after a warm-up run; NaN when pgbench is missing. */
  private static double pgbench(BenchOptions options, BenchDatabase database, BenchReport report) throws Exception {
    Optional<Path> binary = Pgbench.locate(options.pgbench());
    if (binary.isEmpty()) {
      report.line("== pgbench NOT FOUND%s: no ratio can be computed. Install it (Debian: apt-get install postgresql-15"
              + " or postgresql-client; it ships with the server) or pass --pgbench /path/to/pgbench",
          options.pgbench().map(p -> " at " + p).orElse(" on PATH or under /usr/lib/postgresql"));
      return Double.NaN;
    }
    Pgbench pgbench = new Pgbench(binary.get(), database);
    pgbench.initialize(options.pgbenchDatabase());
    int threads = Math.max(1, Math.min(options.callers(), Runtime.getRuntime().availableProcessors()));
    if (options.warmupSeconds() > 0) {
      pgbench.simpleUpdate(options.pgbenchDatabase(), options.callers(), threads, options.warmupSeconds());
    }
    PgbenchResult result = pgbench.simpleUpdate(options.pgbenchDatabase(), options.callers(), threads, options.seconds());
    report.pgbench(result);
    return result.tps();
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
    // Behind the asynchronous appender, as the server's logback.xml puts its console.
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
