package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.ErrorReason;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.client.Customers.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The usage batcher sends lists in RecordUsages calls and single records as RecordUsage calls,
 * bounded, each record decided and answered on its own.
 */
class UsageBatcherTest {
  private static final String RECORD_USAGE = "resourceplans.v1.PlanService/RecordUsage";
  private static final String RECORD_USAGES = "resourceplans.v1.PlanService/RecordUsages";

  @RegisterExtension static final ProxiedServer server = new ProxiedServer();

  private static Customer customer;

  @BeforeAll
  static void openAccount() {
    customer = server.customer("Batch Sender", 1);
  }

  @Test
  void twoThousandFiveHundredRecordsGoInThreeRecordUsagesCallsInOrderAndAreDeductedOnceEach() {
    long before = Customers.remaining(customer);
    List<RecordUsageRequest> records = IntStream.range(0, 2500).mapToObj(i -> Customers.usage(1)).toList();

    List<UsageOutcome> outcomes;
    try (UsageBatcher usage = customer.client().usageBatcher(8)) {
      outcomes = usage.recordAll(records);
    }

    assertEquals(2500, outcomes.size());
    assertTrue(outcomes.stream().allMatch(UsageOutcome::recorded));
    assertEquals(2500, outcomes.stream().map(o -> o.request().getRequestId()).distinct().count(), "an id per record");
    assertEquals(before - 2500, Customers.remaining(customer));
    List<FaultProxy.Attempt> calls = server.proxy().attempts(RECORD_USAGES);
    assertEquals(3, calls.size(), "1,000 + 1,000 + 500 records");
    assertEquals(0, server.proxy().attempts(RECORD_USAGE).size());
    assertEquals(1, server.proxy().maxInFlight(), "one call after the other");
    // Decided in the order of the list: each took the next unit of the one package.
    for (int i = 1; i < outcomes.size(); i++) {
      assertEquals(
          outcomes.get(i - 1).response().getUsageRecord().getDeductions(0).getRemainingQuantity() - 1,
          outcomes.get(i).response().getUsageRecord().getDeductions(0).getRemainingQuantity());
    }
  }

  @Test
  void addedRecordsAreSentAloneWithAtMostEightInFlight() {
    long before = Customers.remaining(customer);
    List<CompletableFuture<RecordUsageResponse>> answers = new ArrayList<>();
    try (UsageBatcher usage = customer.client().usageBatcher(8)) {
      for (int i = 0; i < 200; i++) {
        answers.add(usage.add(Customers.usage(1)));
      }
    }

    answers.forEach(CompletableFuture::join);
    assertEquals(before - 200, Customers.remaining(customer));
    assertEquals(200, server.proxy().attempts(RECORD_USAGE).size());
    assertTrue(server.proxy().maxInFlight() <= 8, "in flight at once: " + server.proxy().maxInFlight());
    assertTrue(server.proxy().maxInFlight() >= 2, "sent concurrently: " + server.proxy().maxInFlight());
  }

  @Test
  void aCallRefusedAsAWholeGivesEachOfItsRecordsItsErrorUnderItsOwnId() {
    long before = Customers.remaining(customer);
    server.proxy().refuseNext(RECORD_USAGES, Status.Code.PERMISSION_DENIED, "PERMISSION_MISSING", null);

    List<UsageOutcome> outcomes;
    try (UsageBatcher usage = customer.client().usageBatcher(2)) {
      outcomes = usage.recordAll(List.of(Customers.usage(1), Customers.usage(2)));
    }

    for (UsageOutcome o : outcomes) {
      assertFalse(o.recorded());
      assertEquals(ErrorReason.PERMISSION_MISSING, o.error().reason());
      assertEquals(o.request().getRequestId(), o.error().requestId().orElseThrow());
    }
    assertEquals(before, Customers.remaining(customer));
  }

  @Test
  void aRefusedRecordLeavesTheOthersRecordedAndAReplayAnswersTheSame() {
    long before = Customers.remaining(customer);
    List<RecordUsageRequest> records =
        List.of(Customers.usage(1), Customers.usage(2), Customers.usage(before + 1), Customers.usage(4));

    List<UsageOutcome> first;
    List<UsageOutcome> replayed;
    try (UsageBatcher usage = customer.client().usageBatcher(4)) {
      first = usage.recordAll(records);
      List<RecordUsageRequest> sent = new ArrayList<>();
      first.forEach(o -> sent.add(o.request()));
      replayed = usage.recordAll(sent);
    }

    assertTrue(first.get(0).recorded() && first.get(1).recorded() && first.get(3).recorded());
    assertFalse(first.get(2).recorded());
    assertEquals(ErrorReason.QUOTA_EXHAUSTED, first.get(2).error().reason());
    assertEquals(first.get(2).request().getRequestId(), first.get(2).error().requestId().orElseThrow());
    assertEquals(before - 7, Customers.remaining(customer), "the refused record changed nothing, the replay nothing");
    for (int i : new int[] {0, 1, 3}) {
      assertEquals(first.get(i).response(), replayed.get(i).response(), "record " + i + " answered as the first time");
      assertFalse(first.get(i).replayed(), "record " + i + " was recorded by the first call");
      assertTrue(replayed.get(i).replayed(), "record " + i + " is the first call's answer again");
    }
    assertFalse(replayed.get(2).replayed(), "a refusal is decided again, not replayed");
    assertEquals(ErrorReason.QUOTA_EXHAUSTED, replayed.get(2).error().reason());
  }

  @Test
  void aClosedBatcherTakesNoMoreRecords() {
    UsageBatcher usage = customer.client().usageBatcher(2);
    usage.close();
    assertThrows(IllegalStateException.class, () -> usage.add(Customers.usage(1)));
    assertThrows(IllegalStateException.class, () -> usage.recordAll(List.of(Customers.usage(1))));
  }
}
