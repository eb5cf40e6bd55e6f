package io.resourceplans.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The server's logging, set up in code (found by logback through META-INF/services) rather than
 * from an XML file: logback's XML configurator loads a framework of its own, about a quarter of a
 * second of every start (docs/benchmark.md, "Issue 18, session 19"). {@link LogSetup} then applies
 * {@code --log-format}, {@code --log-level} and {@code --access-log}.
 *
 * <p>A file given with {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} on the
 * class path (tests), is read by logback's own configurator instead.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ServerLogConfigurator extends ContextAwareBase implements Configurator {
  /** Pattern of a text line: time, level, thread, logger, message, the access log's fields, a one-line exception. */
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%kv%oneLineEx%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || ServerLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  static void apply(LoggerContext context) {
    // java.util.logging (grpc-java, Netty; Main installs the bridge) keeps its levels in step with
    // logback's, so disabled JUL records are not built at all.
    LevelChangePropagator julLevels = new LevelChangePropagator();
    julLevels.setContext(context);
    julLevels.setResetJUL(true);
    julLevels.start();
    context.addListener(julLevels);

    registerConverters(context);
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();

    // Callers only queue their lines; one thread writes them (CallAwareAsyncAppender says why).
    // Nothing is dropped: discarding threshold 0, and a full queue makes callers wait.
    CallAwareAsyncAppender async = new CallAwareAsyncAppender();
    async.setContext(context);
    async.setName("ASYNC");
    async.setQueueSize(8192);
    async.setDiscardingThreshold(0);
    async.setMaxFlushTime(5000);
    async.addAppender(console);
    async.start();

    context.getLogger("org.flywaydb").setLevel(Level.WARN);
    context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
    context.getLogger("io.zonky").setLevel(Level.WARN);
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(async);
  }

  /** %oneLineEx: an exception on its line (classes and SQL states; no stack trace, no message). %kv: the access log's fields. */
  private static void registerConverters(LoggerContext context) {
    @SuppressWarnings("unchecked")
    Map<String, Supplier<DynamicConverter<?>>> rules =
        (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
    if (rules == null) {
      rules = new HashMap<>();
      context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
    }
    rules.put("oneLineEx", OneLineThrowableConverter::new);
    rules.put("kv", KeyValuesConverter::new);
  }
}
