package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An outcome is an answer or an error, never both or neither, and only an answer can be a replay. */
class UsageOutcomeTest {
  private static final RecordUsageRequest REQUEST = RecordUsageRequest.newBuilder().setRequestId("r-1").build();
  private static final RecordUsageResponse ANSWER = RecordUsageResponse.getDefaultInstance();
  private static final ResourcePlansException ERROR =
      ResourcePlansException.from(Status.UNAVAILABLE.asRuntimeException(), Optional.of("r-1"));

  @Test
  void anAnswerIsRecordedAndMayBeAReplay() {
    assertTrue(new UsageOutcome(REQUEST, ANSWER, null, true).replayed());
    assertTrue(new UsageOutcome(REQUEST, ANSWER, null, true).recorded());
    assertFalse(new UsageOutcome(REQUEST, ANSWER, null).replayed(), "the three-part form is not a replay");
  }

  @Test
  void anErrorIsNotRecordedAndNeverAReplay() {
    assertFalse(new UsageOutcome(REQUEST, null, ERROR).recorded());
    assertThrows(IllegalArgumentException.class, () -> new UsageOutcome(REQUEST, null, ERROR, true));
  }

  @Test
  void bothOrNeitherIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new UsageOutcome(REQUEST, ANSWER, ERROR));
    assertThrows(IllegalArgumentException.class, () -> new UsageOutcome(REQUEST, null, null));
  }
}
