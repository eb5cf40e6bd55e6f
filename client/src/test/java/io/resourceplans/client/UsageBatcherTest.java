package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.ErrorReason;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.client.Customers.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The usage batcher sends records concurrently, bounded, each on its own. */
class UsageBatcherTest {
  @RegisterExtension static final ProxiedServer server = new ProxiedServer();

  private static Customer customer;

  @BeforeAll
  static void openAccount() {
    customer = server.customer("Batch Sender", 1);
  }

  @Test
  void twoHundredRecordsAreSentWithAtMostEightInFlightAndDeductedOnceEach() {
    long before = Customers.remaining(customer);
    List<RecordUsageRequest> records = IntStream.range(0, 200).mapToObj(i -> Customers.usage(1)).toList();

    List<UsageOutcome> outcomes;
    try (UsageBatcher usage = customer.client().usageBatcher(8)) {
      outcomes = usage.recordAll(records);
    }

    assertEquals(200, outcomes.size());
    assertTrue(outcomes.stream().allMatch(UsageOutcome::recorded));
    assertEquals(200, outcomes.stream().map(o -> o.request().getRequestId()).distinct().count(), "an id per record");
    assertEquals(before - 200, Customers.remaining(customer));
    assertTrue(server.proxy().maxInFlight() <= 8, "in flight at once: " + server.proxy().maxInFlight());
    assertTrue(server.proxy().maxInFlight() >= 2, "sent concurrently: " + server.proxy().maxInFlight());
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
    }
    assertEquals(ErrorReason.QUOTA_EXHAUSTED, replayed.get(2).error().reason());
  }

  @Test
  void aClosedBatcherTakesNoMoreRecords() {
    UsageBatcher usage = customer.client().usageBatcher(2);
    usage.close();
    assertThrows(IllegalStateException.class, () -> usage.add(Customers.usage(1)));
  }
}
