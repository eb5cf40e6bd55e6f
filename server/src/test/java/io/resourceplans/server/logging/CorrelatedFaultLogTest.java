package io.resourceplans.server.logging;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.CapturedLogs;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.TestServer;
import io.resourceplans.storage.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call that fails through no fault of the caller: the one WARN line about it carries the call's
 * correlation ID (the one the caller got), method and caller, as its access-log line does. A server
 * of its own: the database outage would disturb other tests' calls.
 */
class CorrelatedFaultLogTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();

  @Test
  void aFaultsLogLineCarriesTheCallsCorrelationIdMethodAndCallerAsTheAnswerDoes() {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, "Correlated", "");
    String key = buyer.getApiKeySecret();
    AlertFixtures.buy(server, key, 100, Purpose.PURPOSE_MARKETING);
    server.activation(key).getAccount(GetAccountRequest.getDefaultInstance()); // the key is now cached
    RecordUsageRequest request =
        RecordUsageRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setProductId(AlertFixtures.PRODUCT)
            .setPurpose(Purpose.PURPOSE_MARKETING)
            .setQuantity(1)
            .setRegionId(AlertFixtures.REGION)
            .build();
    try (CapturedLogs logs = new CapturedLogs()) {
      StatusRuntimeException refused;
      try (TestDatabase.Outage outage = server.databaseOutage()) {
        refused = assertRefused(Status.Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", () -> server.plan(key).recordUsage(request));
      }
      String answered = Errors.details(refused, ErrorInfo.class).get(0).getMetadataOrThrow("correlation_id");
      ILoggingEvent access = logs.accessLog().get(0);
      JsonObject accessLine = json(logs, access);
      assertEquals(answered, accessLine.get("correlation_id").getAsString());
      assertEquals("DATABASE_UNAVAILABLE", accessLine.get("reason").getAsString());

      List<ILoggingEvent> fault =
          logs.events(e -> e.getLoggerName().equals("io.resourceplans.server.errors.ExceptionTranslatingInterceptor"));
      assertEquals(1, fault.size(), fault.toString());
      JsonObject faultLine = json(logs, fault.get(0));
      assertEquals("WARN", faultLine.get("level").getAsString());
      assertEquals(answered, faultLine.get("correlation_id").getAsString());
      assertEquals("resourceplans.v1.PlanService/RecordUsage", faultLine.get("method").getAsString());
      assertEquals(buyer.getAccount().getAccountId(), faultLine.get("account_id").getAsString());
      // The line's cause, on one line: classes, no message.
      assertNotNull(faultLine.get("message"));
    }
  }

  private static JsonObject json(CapturedLogs logs, ILoggingEvent event) {
    return JsonParser.parseString(logs.json(event)).getAsJsonObject();
  }
}
