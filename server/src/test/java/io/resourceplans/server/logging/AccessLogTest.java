package io.resourceplans.server.logging;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.server.testing.CapturedLogs;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.TestServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One access-log line per API call with its code, reason, caller and correlation ID (the one the
 * caller gets back), and every log line valid JSON in the JSON format.
 */
class AccessLogTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();

  @Test
  void oneLinePerCallWithCodeReasonCallerAndTheCorrelationIdTheCallerGot() {
    CreateAccountResponse account;
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    List<ILoggingEvent> lines;
    try (CapturedLogs logs = new CapturedLogs()) {
      account =
          server.operator()
              .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(new AtomicReference<>(), trailers))
              .createAccount(CreateAccountRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("Logged")
                  .setContactEmail("logged@example.com").build());
      server.activation(account.getApiKeySecret()).getAccount(GetAccountRequest.getDefaultInstance());
      StatusRuntimeException badKey =
          assertRefused(Status.Code.UNAUTHENTICATED, "API_KEY_INVALID",
              () -> server.activation("rpk.not-a-key").getAccount(GetAccountRequest.getDefaultInstance()));
      Errors.assertInvalid(
          () -> server.operator().createAccount(CreateAccountRequest.newBuilder().setRequestId(TestServer.requestId())
              .setContactEmail("no-name@example.com").build()),
          "display_name");
      lines = logs.accessLog();

      assertEquals(4, lines.size(), lines.toString());
      JsonObject created = json(logs, lines.get(0));
      assertEquals("resourceplans.v1.OperatorService/CreateAccount", created.get("method").getAsString());
      assertEquals("OK", created.get("code").getAsString());
      assertEquals("", created.get("reason").getAsString());
      assertEquals("OPERATOR", created.get("principal").getAsString());
      assertFalse(created.has("account_id"));
      assertTrue(created.get("duration_ms").getAsDouble() >= 0);
      assertEquals("INFO", created.get("level").getAsString());
      assertEquals(trailers.get().get(AccessLogInterceptor.CORRELATION_ID_TRAILER), created.get("correlation_id").getAsString());

      JsonObject read = json(logs, lines.get(1));
      assertEquals("resourceplans.v1.ActivationService/GetAccount", read.get("method").getAsString());
      assertEquals("ACCOUNT", read.get("principal").getAsString());
      assertEquals(account.getAccount().getAccountId(), read.get("account_id").getAsString());
      assertFalse(read.get("peer").getAsString().isEmpty());

      JsonObject refused = json(logs, lines.get(2));
      assertEquals("UNAUTHENTICATED", refused.get("code").getAsString());
      assertEquals("API_KEY_INVALID", refused.get("reason").getAsString());
      assertEquals("NONE", refused.get("principal").getAsString());
      assertEquals(badKey.getTrailers().get(AccessLogInterceptor.CORRELATION_ID_TRAILER), refused.get("correlation_id").getAsString());

      JsonObject invalid = json(logs, lines.get(3));
      assertEquals("INVALID_ARGUMENT", invalid.get("code").getAsString());
      assertEquals("", invalid.get("reason").getAsString(), "malformed input has a BadRequest, no ErrorInfo");

      // Each call its own correlation ID.
      assertEquals(4, lines.stream().map(e -> json(logs, e).get("correlation_id").getAsString()).distinct().count());
    }
  }

  @Test
  void everyCapturedLineIsOneJsonObjectWithTheStandardFields() {
    try (CapturedLogs logs = new CapturedLogs()) {
      server.newAccount("Json Lines");
      org.slf4j.LoggerFactory.getLogger("test.json").warn("quote \" backslash \\ newline \n tab \t bell \u0007 done",
          new IllegalStateException("a message that must not be printed"));
      List<String> lines = logs.jsonLines();
      assertTrue(lines.size() >= 2, lines.toString());
      for (String line : lines) {
        assertFalse(line.contains("\n"), line);
        JsonObject object = JsonParser.parseString(line).getAsJsonObject();
        for (String field : List.of("time", "level", "logger", "thread", "message")) {
          assertTrue(object.has(field), field + " in " + line);
        }
      }
      JsonObject odd = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
      assertEquals("quote \" backslash \\ newline \n tab \t bell \u0007 done", odd.get("message").getAsString());
      assertTrue(odd.get("error").getAsString().startsWith("java.lang.IllegalStateException"), odd.toString());
      assertFalse(lines.get(lines.size() - 1).contains("must not be printed"));
    }
  }

  private static JsonObject json(CapturedLogs logs, ILoggingEvent event) {
    return JsonParser.parseString(logs.json(event)).getAsJsonObject();
  }
}
