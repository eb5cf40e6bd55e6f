package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.api.v1.ErrorReason;
import io.resourceplans.api.v1.GetOrderRequest;
import io.resourceplans.client.Customers.Customer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Errors arrive as ResourcePlansException with the reason as an ErrorReason constant. */
class TypedErrorsTest {
  @RegisterExtension static final ProxiedServer server = new ProxiedServer();

  private static Customer customer;

  @BeforeAll
  static void openAccount() {
    customer = server.customer("Typed Errors", 0);
  }

  @Test
  void everyReasonInDocsErrorsMdIsItsOwnConstant() throws IOException {
    Set<String> documented = documentedReasons();
    for (String reason : documented) {
      ResourcePlansException e = ResourcePlansException.from(refusal(reason), Optional.empty());
      assertNotEquals(ErrorReason.UNRECOGNIZED, e.reason(), reason + " is not an ErrorReason constant");
      assertEquals(reason, e.reason().name());
    }
    Set<String> constants =
        EnumSet.complementOf(
                EnumSet.of(ErrorReason.ERROR_REASON_UNSPECIFIED, ErrorReason.UNRECOGNIZED))
            .stream()
            .map(Enum::name)
            .collect(Collectors.toSet());
    assertEquals(documented, constants, "docs/errors.md and ErrorReason list the same reasons");
  }

  @Test
  void aRefusalOfTheServerCarriesReasonRequestIdAndCorrelationId() {
    ResourcePlansException e =
        assertThrows(ResourcePlansException.class, () -> customer.client().plan().recordUsage(Customers.usage(5)));

    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.code());
    assertEquals(ErrorReason.QUOTA_EXHAUSTED, e.reason());
    assertTrue(e.requestId().isPresent(), "the request_id the client filled in");
    assertTrue(e.correlationId().isPresent(), "the server's correlation id");
    assertFalse(e.isRetryable());
    assertTrue(e.getMessage().contains(e.requestId().get()), e.getMessage());
    assertFalse(e.getMessage().contains(customer.apiKey()));
  }

  @Test
  void badInputCarriesTheFieldViolationsAndNoReason() {
    ResourcePlansException e =
        assertThrows(ResourcePlansException.class, () -> customer.client().plan().recordUsage(Customers.usage(0)));

    assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
    assertEquals(ErrorReason.ERROR_REASON_UNSPECIFIED, e.reason());
    assertEquals("quantity", e.fieldViolations().get(0).getField());
  }

  @Test
  void theAsyncVariantFailsWithTheSameException() throws Exception {
    CompletionException wrapped =
        assertThrows(
            CompletionException.class,
            () ->
                customer.client().plan()
                    .getOrderAsync(GetOrderRequest.newBuilder().setOrderId("ord-0000000000missing").build())
                    .orTimeout(30, TimeUnit.SECONDS)
                    .join());

    ResourcePlansException e = (ResourcePlansException) wrapped.getCause();
    assertEquals(ErrorReason.ORDER_NOT_FOUND, e.reason());
    assertEquals(Status.Code.NOT_FOUND, e.code());
    assertFalse(e.requestId().isPresent(), "a read has no request_id");
  }

  /** The reasons in the table of docs/errors.md (rows "| `REASON` | `CODE` | ..."). */
  private static Set<String> documentedReasons() throws IOException {
    Pattern row = Pattern.compile("^\\| `([A-Z_]+)` \\| `[A-Z_]+` \\|", Pattern.MULTILINE);
    Matcher m = row.matcher(Files.readString(Path.of("../docs/errors.md")));
    Set<String> reasons = new java.util.TreeSet<>();
    while (m.find()) {
      reasons.add(m.group(1));
    }
    assertTrue(reasons.size() > 50, "found the table: " + reasons.size());
    return reasons;
  }

  private static io.grpc.StatusRuntimeException refusal(String reason) {
    return StatusProto.toStatusRuntimeException(
        com.google.rpc.Status.newBuilder()
            .setCode(Status.Code.FAILED_PRECONDITION.value())
            .setMessage(reason)
            .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("resourceplans.io").build()))
            .build());
  }
}
