package io.resourceplans.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The logging a deployed server starts with (no logback.xml any more: set up in code): the line
 * format, the one-line exceptions and the access log's fields, the asynchronous appender, quiet
 * libraries, and java.util.logging's levels kept in step.
 */
class ServerLogConfiguratorTest {
  @Test
  void aDeployedServerLogsTextLinesThroughTheAsynchronousAppender() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      ServerLogConfigurator.apply(context);
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      assertEquals(Level.INFO, root.getLevel());
      assertTrue(root.getAppender("ASYNC") instanceof CallAwareAsyncAppender, "lines are queued, one thread writes");
      assertEquals(0, ((CallAwareAsyncAppender) root.getAppender("ASYNC")).getDiscardingThreshold(), "nothing dropped");
      assertEquals(Level.WARN, context.getLogger("org.flywaydb").getEffectiveLevel());
      assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel());
      assertEquals(Level.WARN, context.getLogger("io.zonky.test").getEffectiveLevel());
      assertTrue(context.getCopyOfListenerList().stream().anyMatch(l -> l instanceof LevelChangePropagator));

      Logger logger = context.getLogger("io.resourceplans.server.Example");
      logger.atInfo().addKeyValue("code", "OK").log("call done");
      logger.warn("failed", new IllegalStateException("secret value in a message", new SQLException("x", "40001")));
      context.getLogger("org.flywaydb.core.Flyway").info("not shown");
    } finally {
      context.stop(); // flushes the queue, as LogSetup.flush at shutdown
      System.setOut(stdout);
    }

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
    assertEquals(2, lines.length, String.join("\n", lines));
    assertTrue(
        lines[0].matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[main\\]"
                + " io\\.resourceplans\\.server\\.Example - call done code=\"?OK\"?"),
        lines[0]);
    assertTrue(lines[1].contains(" WARN  [main] io.resourceplans.server.Example - failed"), lines[1]);
    assertTrue(lines[1].contains("IllegalStateException") && lines[1].contains("40001"), lines[1]);
    assertFalse(lines[1].contains("secret value"), "no exception message: " + lines[1]);
  }

  @Test
  void aLogbackTestXmlOnTheClassPathIsLeftToLogback() {
    // This test's class path holds logback-test.xml: the tests' own configuration wins.
    assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new ServerLogConfigurator().configure(new LoggerContext()));
  }
}
