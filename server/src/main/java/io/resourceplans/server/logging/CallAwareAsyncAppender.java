package io.resourceplans.server.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.resourceplans.server.grpc.CallScope;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Logback's AsyncAppender (the caller only queues the event; one thread writes), which also
 * records, on the thread that logs, the fields of the API call it serves (correlation ID, method,
 * caller: {@link CallScope}) into the event's MDC, since the writing thread is outside the call.
 *
 * <p>Why asynchronous: written in the caller's thread, one access-log line per call made 16
 * RecordUsage callers queue on the console's lock and its write per line, and the hot-account
 * benchmark lost about a third of its calls per second (docs/benchmark.md). The queue never drops a
 * line (discardingThreshold 0) and blocks callers only when full; {@link LogSetup#flush} empties it
 * at shutdown. A kill -9 loses what is still queued.
 */
public final class CallAwareAsyncAppender extends AsyncAppender {
  @Override
  protected void preprocess(ILoggingEvent event) {
    Optional<CallScope> scope = CallScope.current();
    if (scope.isPresent() && event instanceof LoggingEvent logged) {
      // The MDC as the event would capture it, plus the call's fields; set before the event reads
      // the MDC itself (it may be set once).
      Map<String, String> fields = new HashMap<>();
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      if (mdc != null) {
        fields.putAll(mdc);
      }
      JsonLineEncoder.putCall(fields, scope.get());
      try {
        logged.setMDCPropertyMap(fields);
      } catch (IllegalStateException alreadyRead) {
        // Something read the event's MDC already: the line goes out without the call's fields.
      }
    }
    super.preprocess(event);
  }
}
