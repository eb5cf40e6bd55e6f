package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.resourceplans.api.v1.ListSubUsersRequest;
import io.resourceplans.server.errors.ExceptionTranslatingInterceptor;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** An unexpected failure is INTERNAL with a correlation ID that matches one log line; no SQL leaks. */
class InternalErrorTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  @Test
  void databaseFailureIsInternalWithCorrelationIdAndNoSql() {
    String key = server.newAccount("Broken Co").getApiKeySecret();
    Logger logger = (Logger) LoggerFactory.getLogger(ExceptionTranslatingInterceptor.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      // Break the schema under the running server so the next query fails inside PostgreSQL.
      server.jdbi().useHandle(h -> h.execute("alter table sub_users rename column display_name to display_name_gone"));
      var e =
          assertRefused(
              Status.Code.INTERNAL,
              "INTERNAL_ERROR",
              () -> server.activation(key).listSubUsers(ListSubUsersRequest.getDefaultInstance()));
      String correlationId = Errors.details(e, ErrorInfo.class).get(0).getMetadataOrThrow("correlation_id");
      String description = e.getStatus().getDescription();
      assertTrue(description.contains(correlationId));
      assertFalse(description.toLowerCase().contains("select"), description);
      assertFalse(description.contains("sub_users"), description);

      List<String> lines =
          appender.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(correlationId)).toList();
      assertEquals(1, lines.size());
      String line = lines.get(0);
      assertFalse(line.toLowerCase().contains("select"), line);
      assertFalse(line.contains("display_name"), line);
      assertTrue(line.contains("sqlstate=42703"), line);
      assertTrue(appender.list.stream().allMatch(ev -> ev.getThrowableProxy() == null), "no stack trace logged");
    } finally {
      logger.detachAppender(appender);
      server.jdbi().useHandle(h -> h.execute("alter table sub_users rename column display_name_gone to display_name"));
    }
  }
}
