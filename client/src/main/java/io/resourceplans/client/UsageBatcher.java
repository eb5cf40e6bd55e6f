package io.resourceplans.client;

import io.grpc.protobuf.StatusProto;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.api.v1.RecordUsageResult;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RecordUsagesResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Sends usage records for a sending pipeline, with at most {@code maxInFlight} calls unanswered at
 * once: a caller waits while that many are in flight, so a pipeline producing faster than the
 * service answers slows to its pace instead of queueing without bound. Thread-safe.
 *
 * <ul>
 *   <li>{@link #recordAll} sends records it is given together: RecordUsages calls of up to
 *       {@value #MAX_RECORDS_PER_CALL} records, one after the other, so the list is decided in its
 *       order; each record is still decided on its own (one refused leaves the others recorded)
 *       and answered on its own.
 *   <li>{@link #add} sends one record as its own RecordUsage call, answered as soon as it is
 *       decided, for a pipeline that has one record at a time and wants each answer at once.
 * </ul>
 *
 * Every record keeps its own request_id (filled in when empty), so any call may be retried: a
 * record recorded before is answered with its first answer.
 *
 * <pre>{@code
 * try (UsageBatcher usage = client.usageBatcher(16)) {
 *   for (UsageOutcome o : usage.recordAll(recordsOf(outgoing))) {
 *     if (!o.recorded()) park(o.request(), o.error());
 *   }
 * } // close() waits for the calls still in flight
 * }</pre>
 */
public final class UsageBatcher implements AutoCloseable {
  /** Records in one RecordUsages call at most: the RPC's limit. */
  public static final int MAX_RECORDS_PER_CALL = 1000;

  private final PlanServiceClient plan;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private volatile boolean closed;

  UsageBatcher(PlanServiceClient plan, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be positive");
    }
    this.plan = plan;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
  }

  /**
   * Sends one record as its own RecordUsage call, after waiting while {@code maxInFlight} calls
   * are unanswered.
   *
   * @param request the usage record (an empty request_id is filled in)
   * @return the answer to come, or a {@link ResourcePlansException} whose {@code requestId()}
   *     names the record
   * @throws IllegalStateException after {@link #close()}
   */
  public CompletableFuture<RecordUsageResponse> add(RecordUsageRequest request) {
    requireOpen();
    RecordUsageRequest sent = RequestIds.withRequestId(request);
    inFlight.acquireUninterruptibly();
    CompletableFuture<RecordUsageResponse> answer;
    try {
      answer = plan.recordUsageAsync(sent);
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
    answer.whenComplete((response, error) -> inFlight.release());
    return answer;
  }

  /**
   * Sends every record in RecordUsages calls of up to {@value #MAX_RECORDS_PER_CALL}, one call after
   * the other (each counts as one call in flight), and waits for their answers. The service decides
   * the records in the order of the list. A call that fails as a whole (after the client's retries)
   * gives each of its records that error; the later calls are still sent.
   *
   * @param requests the usage records (empty request_ids are filled in)
   * @return one outcome per record, in the order given
   * @throws IllegalStateException after {@link #close()}
   */
  public List<UsageOutcome> recordAll(List<RecordUsageRequest> requests) {
    requireOpen();
    List<UsageOutcome> outcomes = new ArrayList<>(requests.size());
    for (int from = 0; from < requests.size(); from += MAX_RECORDS_PER_CALL) {
      List<RecordUsageRequest> call = new ArrayList<>(Math.min(MAX_RECORDS_PER_CALL, requests.size() - from));
      for (RecordUsageRequest request : requests.subList(from, Math.min(requests.size(), from + MAX_RECORDS_PER_CALL))) {
        call.add(RequestIds.withRequestId(request));
      }
      outcomes.addAll(send(call));
    }
    return outcomes;
  }

  /** One RecordUsages call of these records (with their request_ids), answered per record. */
  private List<UsageOutcome> send(List<RecordUsageRequest> records) {
    RecordUsagesResponse response;
    inFlight.acquireUninterruptibly();
    try {
      response = plan.recordUsages(RecordUsagesRequest.newBuilder().addAllRecords(records).build());
    } catch (ResourcePlansException e) {
      // No record of the call has an answer of its own: each gets the call's error, under its ID.
      List<UsageOutcome> failed = new ArrayList<>(records.size());
      Throwable failure = e.getCause() == null ? e : e.getCause();
      for (RecordUsageRequest record : records) {
        failed.add(new UsageOutcome(
            record, null, ResourcePlansException.from(failure, Optional.of(record.getRequestId()))));
      }
      return failed;
    } finally {
      inFlight.release();
    }
    if (response.getResultsCount() != records.size()) {
      throw new IllegalStateException(
          "RecordUsages answered " + response.getResultsCount() + " results for " + records.size() + " records");
    }
    List<UsageOutcome> outcomes = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      RecordUsageRequest record = records.get(i);
      RecordUsageResult result = response.getResults(i);
      if (!result.getRequestId().equals(record.getRequestId())) {
        throw new IllegalStateException("RecordUsages answered record " + i + " out of order");
      }
      if (result.hasUsageRecord()) {
        outcomes.add(new UsageOutcome(
            record, RecordUsageResponse.newBuilder().setUsageRecord(result.getUsageRecord()).build(), null,
            result.getReplayed()));
      } else {
        // The status RecordUsage would have failed with, read as the client reads a failed call.
        outcomes.add(new UsageOutcome(record, null, ResourcePlansException.from(
            StatusProto.toStatusRuntimeException(result.getError()), Optional.of(record.getRequestId()))));
      }
    }
    return outcomes;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the batcher is closed");
    }
  }

  /** Waits until no call sent through this batcher is unanswered. */
  public void flush() {
    inFlight.acquireUninterruptibly(maxInFlight);
    inFlight.release(maxInFlight);
  }

  /** Stops taking records and waits for those in flight. */
  @Override
  public void close() {
    closed = true;
    flush();
  }
}
