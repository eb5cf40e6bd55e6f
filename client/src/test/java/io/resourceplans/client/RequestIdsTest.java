package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.LogInRequest;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsagesRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void idsAreUuidVersion7WithTheTimeInFront() {
    long millis = 1_796_000_000_123L;
    UUID id = UUID.fromString(RequestIds.newId(millis, new Random(1)));

    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(millis, id.getMostSignificantBits() >>> 16);
  }

  @Test
  void laterIdsSortAfterEarlierOnesAndNoneRepeats() {
    Random random = new Random(7);
    String earlier = RequestIds.newId(1_000, random);
    String later = RequestIds.newId(1_001, random);
    assertTrue(earlier.compareTo(later) < 0);

    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(RequestIds.newId());
    }
    assertEquals(10_000, ids.size());
    assertTrue(ids.iterator().next().matches("^[A-Za-z0-9_-]{1,64}$"), "fits the server's request_id rule");
  }

  @Test
  void aMutationWithoutIdGetsOneAndOneWithAnIdKeepsIt() {
    RecordUsageRequest filled = RequestIds.withRequestId(RecordUsageRequest.newBuilder().setQuantity(1).build());
    assertNotEquals("", filled.getRequestId());
    assertEquals(Optional.of(filled.getRequestId()), RequestIds.of(filled));

    RecordUsageRequest own = RecordUsageRequest.newBuilder().setRequestId("mine-1").build();
    assertSame(own, RequestIds.withRequestId(own));
  }

  @Test
  void eachRecordOfABatchWithoutIdGetsItsOwn() {
    RecordUsagesRequest batch =
        RecordUsagesRequest.newBuilder()
            .addRecords(RecordUsageRequest.newBuilder().setQuantity(1))
            .addRecords(RecordUsageRequest.newBuilder().setRequestId("mine-2").setQuantity(2))
            .addRecords(RecordUsageRequest.newBuilder().setQuantity(3))
            .build();

    RecordUsagesRequest filled = RequestIds.withRequestId(batch);

    assertEquals("mine-2", filled.getRecords(1).getRequestId());
    assertNotEquals("", filled.getRecords(0).getRequestId());
    assertNotEquals(filled.getRecords(0).getRequestId(), filled.getRecords(2).getRequestId());
    assertEquals(Optional.empty(), RequestIds.of(filled), "a batch has no one request_id");
    RecordUsagesRequest complete = RecordUsagesRequest.newBuilder().addRecords(filled.getRecords(0)).build();
    assertSame(complete, RequestIds.withRequestId(complete));
  }

  @Test
  void readsAndLogInHaveNoIdToFill() {
    GetWalletRequest read = GetWalletRequest.getDefaultInstance();
    assertSame(read, RequestIds.withRequestId(read));
    assertEquals(Optional.empty(), RequestIds.of(read));
    LogInRequest logIn = LogInRequest.newBuilder().setLogin("a@example.com").build();
    assertSame(logIn, RequestIds.withRequestId(logIn));
  }
}
