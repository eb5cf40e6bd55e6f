package io.resourceplans.server.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.type.Money;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.PrototypeMarshaller;
import io.grpc.ServiceDescriptor;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.api.v1.SetCreditLineRequest;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.domain.error.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Rules the protos share between fields are enforced by the interceptor on every field that names
 * them (field options of validation.proto, enforced by FieldTypeRules), with the same paths,
 * messages and order as protovalidate's own rules: the idempotency-key rule on the request_id of
 * every request of the four services, and the money rules (every Money field of every request is
 * pinned by MoneyViolationsTest).
 */
class SharedRulesTest {
  static final String REQUIRED = "value is required";
  static final String REQUEST_ID_PATTERN = "does not match regex pattern `^[A-Za-z0-9_-]{1,64}$`";
  private static final List<ServiceDescriptor> API =
      List.of(
          PlanServiceGrpc.getServiceDescriptor(),
          ActivationServiceGrpc.getServiceDescriptor(),
          BindingServiceGrpc.getServiceDescriptor(),
          OperatorServiceGrpc.getServiceDescriptor());

  private final ValidationInterceptor interceptor = new ValidationInterceptor(new FieldTypeRules());

  /** The descriptions of the violations of one field, in order. */
  private List<String> violationsOf(Message message, String field) {
    return interceptor.violations(message).stream()
        .filter(v -> v.field().equals(field))
        .map(FieldViolation::description)
        .toList();
  }

  @Test
  void everyRequestIdOfEveryServiceKeepsTheOneRule() {
    // Request type -> its service, for every request that has a request_id.
    Map<String, Message> requests = new TreeMap<>();
    Map<String, Integer> perService = new TreeMap<>();
    for (ServiceDescriptor service : API) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        Message prototype = (Message) ((PrototypeMarshaller<?>) method.getRequestMarshaller()).getMessagePrototype();
        if (prototype.getDescriptorForType().findFieldByName("request_id") != null) {
          requests.put(prototype.getDescriptorForType().getFullName(), prototype);
          perService.merge(service.getName(), 1, Integer::sum);
        }
      }
    }
    assertEquals(4, perService.size(), () -> "services with a request_id: " + perService);
    assertEquals(53, requests.size(), () -> "requests with a request_id: " + requests.keySet());
    List<String> failures = new ArrayList<>();
    Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
    cases.put("", List.of(REQUIRED));
    cases.put("a", List.of());
    cases.put("Az09_-", List.of());
    cases.put("x".repeat(64), List.of());
    cases.put("x".repeat(65), List.of(REQUEST_ID_PATTERN));
    cases.put("has space", List.of(REQUEST_ID_PATTERN));
    cases.put("é", List.of(REQUEST_ID_PATTERN));
    cases.put("a\n", List.of(REQUEST_ID_PATTERN));
    for (Message prototype : requests.values()) {
      FieldDescriptor requestId = prototype.getDescriptorForType().findFieldByName("request_id");
      for (var c : cases.entrySet()) {
        Message request = prototype.toBuilder().setField(requestId, c.getKey()).build();
        List<String> got = violationsOf(request, "request_id");
        if (!got.equals(c.getValue())) {
          failures.add(prototype.getDescriptorForType().getName() + " request_id=" + c.getKey() + ": " + got);
        }
      }
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  private static Money money(String currency, long units, int nanos) {
    return Money.newBuilder().setCurrencyCode(currency).setUnits(units).setNanos(nanos).build();
  }

  @Test
  void aPositiveAmountInCentsUpToOneBillionKeepsTheMoneyRules() {
    var base = TopUpCashRequest.newBuilder().setRequestId("r-1").setAccountId("acc-0123456789abcdef");
    assertEquals(List.of(), interceptor.violations(base.setAmount(money("CNY", 1, 10_000_000)).build()));
    assertEquals(List.of(), interceptor.violations(base.setAmount(money("CNY", 1_000_000_000, 0)).build()));
    assertEquals(List.of(REQUIRED), violationsOf(base.clearAmount().build(), "amount"));
    assertEquals(
        List.of("currency_code must be 3 upper-case letters (ISO 4217)"),
        violationsOf(base.setAmount(money("cny", 1, 0)).build(), "amount"));
    assertEquals(
        List.of("must be greater than zero (units >= 0, 0 <= nanos <= 999999999)"),
        violationsOf(base.setAmount(money("CNY", 0, 0)).build(), "amount"));
    assertEquals(
        List.of("must be greater than zero (units >= 0, 0 <= nanos <= 999999999)"),
        violationsOf(base.setAmount(money("CNY", -1, 0)).build(), "amount"));
    assertEquals(
        List.of("must have at most 2 decimal places"),
        violationsOf(base.setAmount(money("CNY", 1, 5_000_000)).build(), "amount"));
    // Above the maximum, the API-wide range rule answers, alone.
    assertEquals(
        List.of("must be at most 1000000000 in magnitude"),
        violationsOf(base.setAmount(money("CNY", 1_000_000_000, 10_000_000)).build(), "amount"));
    assertEquals(
        List.of("currency_code must be 3 upper-case letters (ISO 4217)", "must have at most 2 decimal places"),
        violationsOf(base.setAmount(money("", 5, 1)).build(), "amount"));
  }

  @Test
  void aCreditLineAndAMinimumOrderAmountMayBeZero() {
    var credit = SetCreditLineRequest.newBuilder().setRequestId("r-1").setAccountId("acc-0123456789abcdef");
    assertEquals(List.of(), violationsOf(credit.setCreditLine(money("CNY", 0, 0)).build(), "credit_line"));
    assertEquals(
        List.of("must be zero or more (units >= 0, 0 <= nanos <= 999999999)"),
        violationsOf(credit.setCreditLine(money("CNY", -1, 0)).build(), "credit_line"));
    var voucher = IssueVoucherRequest.newBuilder().setRequestId("r-1");
    assertEquals(List.of(), violationsOf(voucher.setMinimumOrderAmount(money("CNY", 0, 0)).build(), "minimum_order_amount"));
    assertEquals(
        List.of("must have at most 2 decimal places"),
        violationsOf(voucher.setMinimumOrderAmount(money("CNY", 0, 1)).build(), "minimum_order_amount"));
  }

  @Test
  void aBrokenRequestIdTakesItsFieldsPlaceAmongTheOtherViolations() {
    // request_id is field 1: protovalidate reports its fields in declaration order.
    var usage =
        io.resourceplans.api.v1.RecordUsageRequest.newBuilder()
            .setRequestId("has space")
            .setQuantity(0)
            .setRegionId("cn-hangzhou")
            .build();
    assertEquals(
        List.of("request_id", "product_id", "purpose", "quantity"),
        interceptor.violations(usage).stream().map(FieldViolation::field).toList());
    // With a money rule broken later in the request, each keeps its field's place.
    var topUp =
        TopUpCashRequest.newBuilder().setRequestId("").setAccountId("nope").setAmount(money("cny", 1, 0)).build();
    assertEquals(
        List.of("request_id: " + REQUIRED, "account_id", "amount: currency_code must be 3 upper-case letters (ISO 4217)"),
        interceptor.violations(topUp).stream()
            .map(v -> v.field().equals("account_id") ? v.field() : v.field() + ": " + v.description())
            .toList());
  }
}
