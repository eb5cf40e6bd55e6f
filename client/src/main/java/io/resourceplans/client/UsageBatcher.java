package io.resourceplans.client;

import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

/**
 * Sends RecordUsage calls for a sending pipeline concurrently, with at most {@code maxInFlight}
 * unanswered at once: {@link #add} waits while that many are in flight, so a pipeline producing
 * faster than the service answers slows to its pace instead of queueing without bound. Each record
 * is its own call with its own request_id (filled in when empty), retries and answer: one refused
 * record leaves the others recorded. Thread-safe.
 *
 * <pre>{@code
 * try (UsageBatcher usage = client.usageBatcher(16)) {
 *   for (Message m : outgoing) {
 *     usage.add(recordOf(m)).exceptionally(e -> { park(m, e); return null; });
 *   }
 * } // close() waits for the calls still in flight
 * }</pre>
 */
public final class UsageBatcher implements AutoCloseable {
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
   * Sends one record, after waiting while {@code maxInFlight} calls are unanswered.
   *
   * @param request the usage record (an empty request_id is filled in)
   * @return the answer to come, or a {@link ResourcePlansException} whose {@code requestId()}
   *     names the record
   * @throws IllegalStateException after {@link #close()}
   */
  public CompletableFuture<RecordUsageResponse> add(RecordUsageRequest request) {
    if (closed) {
      throw new IllegalStateException("the batcher is closed");
    }
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
   * Sends every record (at most {@code maxInFlight} at once) and waits for their answers.
   *
   * @param requests the usage records (empty request_ids are filled in)
   * @return one outcome per record, in the order given
   */
  public List<UsageOutcome> recordAll(List<RecordUsageRequest> requests) {
    List<RecordUsageRequest> sent = new ArrayList<>(requests.size());
    List<CompletableFuture<RecordUsageResponse>> answers = new ArrayList<>(requests.size());
    for (RecordUsageRequest request : requests) {
      RecordUsageRequest withId = RequestIds.withRequestId(request);
      sent.add(withId);
      answers.add(add(withId));
    }
    List<UsageOutcome> outcomes = new ArrayList<>(requests.size());
    for (int i = 0; i < sent.size(); i++) {
      try {
        outcomes.add(new UsageOutcome(sent.get(i), answers.get(i).join(), null));
      } catch (CompletionException e) {
        ResourcePlansException error =
            e.getCause() instanceof ResourcePlansException known
                ? known
                : ResourcePlansException.from(e.getCause(), RequestIds.of(sent.get(i)));
        outcomes.add(new UsageOutcome(sent.get(i), null, error));
      }
    }
    return outcomes;
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
