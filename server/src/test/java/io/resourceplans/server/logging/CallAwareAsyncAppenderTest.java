package io.resourceplans.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Context;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.server.grpc.CallScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The production log path: lines queued by the asynchronous appender are all written, and those
 * logged during an API call carry its fields although another thread writes them.
 */
class CallAwareAsyncAppenderTest {
  @Test
  void everyLineIsWrittenAndLinesOfACallCarryItsFields() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    ListAppender<ILoggingEvent> written = new ListAppender<>();
    written.setContext(context);
    written.start();
    CallAwareAsyncAppender async = new CallAwareAsyncAppender();
    async.setContext(context);
    async.setDiscardingThreshold(0);
    async.addAppender(written);
    async.start();
    Logger logger = context.getLogger("test.async");
    logger.setLevel(Level.INFO);
    logger.addAppender(async);

    logger.info("outside any call");
    CallScope scope = new CallScope("resourceplans.v1.PlanService/RecordUsage");
    scope.authenticated(Principal.mainAccount("acc-0123456789abcdef", "key-0123456789abcdef"));
    Context.current().withValue(CallScope.KEY, scope).run(() -> logger.atInfo().addKeyValue("code", "OK").log("call"));
    for (int i = 0; i < 1_000; i++) {
      logger.info("line {}", i);
    }
    async.stop(); // as LogSetup.flush at shutdown: what is queued is written first

    List<ILoggingEvent> events = written.list;
    assertEquals(1_002, events.size());
    assertFalse(events.get(0).getMDCPropertyMap().containsKey(CallScope.CORRELATION_ID));
    ILoggingEvent inCall = events.get(1);
    assertEquals(scope.correlationId(), inCall.getMDCPropertyMap().get(CallScope.CORRELATION_ID));
    assertEquals("resourceplans.v1.PlanService/RecordUsage", inCall.getMDCPropertyMap().get(CallScope.METHOD));
    assertEquals("acc-0123456789abcdef", inCall.getMDCPropertyMap().get(CallScope.ACCOUNT_ID));
    assertEquals("ACCOUNT", inCall.getMDCPropertyMap().get(CallScope.PRINCIPAL));
    assertTrue(inCall.getKeyValuePairs().stream().anyMatch(p -> p.key.equals("code")));
    assertEquals("line 999", events.get(1_001).getFormattedMessage());
  }
}
