package io.resourceplans.server.testing;

import io.resourceplans.api.v1.AdvanceTestClockRequest;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateTestClockRequest;
import io.resourceplans.api.v1.InternalMessage;
import io.resourceplans.api.v1.InternalMessageKind;
import io.resourceplans.api.v1.ListMessagesRequest;
import io.resourceplans.api.v1.Package;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.TestClock;
import io.resourceplans.server.mapping.Timestamps;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Test clock set-up steps, through the API. A class of its own, not static methods of a test
 * class: calling those from another test class initialises that class, and with it its
 * {@code TestServer.forClass()} field, whose database nobody closes when JUnit does not run that
 * class in the same JVM.
 */
public final class TestClocks {
  public static final String SPEC = "sms-domestic-custom";
  public static final String REGION = "cn-hangzhou";

  private TestClocks() {}

  public static TestClock createClock(TestServer server, String name, Instant frozen) {
    return server.operator()
        .createTestClock(
            CreateTestClockRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setName(name)
                .setFrozenTime(Timestamps.of(frozen))
                .build())
        .getTestClock();
  }

  /** A new account on the test clock {@code clockId}. */
  public static CreateAccountResponse testAccount(TestServer server, String name, String clockId) {
    return server.operator()
        .createAccount(
            CreateAccountRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setDisplayName(name)
                .setContactEmail(name.toLowerCase().replace(' ', '.') + "@example.com")
                .setTestClockId(clockId)
                .build());
  }

  public static AdvanceTestClockRequest advance(String clockId, Instant to) {
    return AdvanceTestClockRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setTestClockId(clockId)
        .setFrozenTime(Timestamps.of(to))
        .build();
  }

  /** A verified, funded account that bought 1,000 verification SMS; returns its package. */
  public static Package buyPackage(TestServer server, CreateAccountResponse account) {
    Buyers.verify(server, account);
    Buyers.fund(server, account, "100.00", null);
    return Buyers.buy(server, account.getApiKeySecret(), SPEC, 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION, REGION)
        .getPackages(0);
  }

  /** The account's expiry-reminder messages, oldest first. */
  public static List<InternalMessage> reminders(TestServer server, String key) {
    return server.plan(key).listMessages(ListMessagesRequest.newBuilder().setPageSize(100).build()).getMessagesList().stream()
        .filter(m -> m.getKind() == InternalMessageKind.INTERNAL_MESSAGE_KIND_EXPIRY_REMINDER)
        .sorted(Comparator.comparing(m -> Timestamps.toInstant(m.getCreateTime())))
        .toList();
  }
}
