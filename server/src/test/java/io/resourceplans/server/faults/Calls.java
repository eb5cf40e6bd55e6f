package io.resourceplans.server.faults;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a request as a careful caller does across crashes: an answer whose outcome is unknown
 * (the server went away, the call timed out) is followed by the same request, with the same
 * request_id, until a definite answer comes; the server may be restarting meanwhile. Counts every
 * status seen, so a test can assert that none was INTERNAL or UNKNOWN.
 */
final class Calls {
  /** Outcome unknown: the change may or may not have been made. */
  private static final Set<Status.Code> UNKNOWN_OUTCOME =
      Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.CANCELLED, Status.Code.ABORTED);
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

  private final Supplier<ManagedChannel> channel;
  private final Map<Status.Code, AtomicLong> seen = new ConcurrentHashMap<>();

  /** @param channel the current server's channel (a new one after each restart) */
  Calls(Supplier<ManagedChannel> channel) {
    this.channel = channel;
  }

  /** The definite answer; a definite refusal is thrown. */
  <T> T untilDefinite(Function<ManagedChannel, T> call) {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (true) {
      try {
        T answer = call.apply(channel.get());
        count(Status.Code.OK);
        return answer;
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        count(code);
        if (!UNKNOWN_OUTCOME.contains(code)) {
          throw e;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no definite answer within " + GIVE_UP_AFTER + "; last: " + e.getStatus());
        }
        sleep(100);
      }
    }
  }

  /** How many answers had each status code. */
  Map<Status.Code, Long> seen() {
    Map<Status.Code, Long> out = new java.util.TreeMap<>();
    seen.forEach((code, n) -> out.put(code, n.get()));
    return out;
  }

  private void count(Status.Code code) {
    seen.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
  }

  static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
