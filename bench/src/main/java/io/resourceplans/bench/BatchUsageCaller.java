package io.resourceplans.bench;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.resourceplans.api.v1.RecordUsageResult;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RecordUsagesResponse;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop caller of RecordUsages: each call carries {@code batchSize} new records of the
 * benchmark's usage on one account. A record is decided on its own: recorded (new, or replayed when
 * the client resent a call whose first answer was lost), or refused with a status of its own.
 */
final class BatchUsageCaller extends LoadCaller {
  private final String idPrefix;
  private final int batchSize;
  private long sequence;

  BatchUsageCaller(
      String idPrefix, Scenario scenario, int batchSize, AtomicLong accountCursor, LoadPhase phase, Throughput throughput) {
    super(scenario, accountCursor, phase, throughput);
    this.idPrefix = idPrefix;
    this.batchSize = batchSize;
  }

  @Override
  CompletionStage<?> callOnce() {
    BenchAccount account = nextAccount();
    RecordUsagesRequest.Builder request = RecordUsagesRequest.newBuilder();
    for (int i = 0; i < batchSize; i++) {
      request.addRecords(UsageCaller.usage(idPrefix + "-" + sequence++));
    }
    RecordUsagesRequest sent = request.build();

    LoadPhase.State startedIn = phase.state();
    long start = System.nanoTime();
    return account.plan().recordUsagesAsync(sent).handle((response, failure) -> {
      if (failure != null) {
        countError(failure, measured(startedIn), batchSize);
      } else {
        answered(sent, response, System.nanoTime() - start, measured(startedIn));
      }
      return null;
    });
  }

  private void answered(RecordUsagesRequest sent, RecordUsagesResponse response, long elapsed, boolean measured) {
    if (response.getResultsCount() != batchSize) {
      // Without one result per record nothing can be said of the ones missing: they may be recorded.
      stats.unexpectedAnswers++;
      stats.ambiguous += Math.max(0, batchSize - response.getResultsCount());
    }
    long recorded = 0;
    for (int i = 0; i < response.getResultsCount(); i++) {
      RecordUsageResult result = response.getResults(i);
      if (!result.getRequestId().equals(sent.getRecords(i).getRequestId())) {
        stats.unexpectedAnswers++;
      }
      switch (result.getResultCase()) {
        case USAGE_RECORD -> {
          recorded++;
          if (result.getReplayed()) {
            stats.replayedRecords++;
          }
        }
        case ERROR -> (measured ? stats.measuredErrors : stats.otherErrors).merge(recordError(result.getError()), 1L, Long::sum);
        default -> {
          stats.unexpectedAnswers++;
          stats.ambiguous++;
        }
      }
    }
    // Every recorded request ID deducted exactly once, by this call or (replayed) the earlier one.
    stats.acknowledgedFresh += recorded;
    throughput.succeeded(recorded);
    if (measured) {
      stats.recordLatency(elapsed);
      stats.measuredFresh++;
      stats.measuredRecords += recorded;
    } else {
      stats.unmeasured++;
    }
  }

  /** "record RESOURCE_EXHAUSTED QUOTA_EXHAUSTED": a refused record's code and ErrorInfo reason. */
  static String recordError(com.google.rpc.Status status) {
    String reason = "";
    for (Any detail : status.getDetailsList()) {
      if (detail.is(ErrorInfo.class)) {
        try {
          reason = " " + detail.unpack(ErrorInfo.class).getReason();
        } catch (InvalidProtocolBufferException e) {
          reason = " (unreadable ErrorInfo)";
        }
        break;
      }
    }
    return "record " + Status.fromCodeValue(status.getCode()).getCode() + reason;
  }
}
