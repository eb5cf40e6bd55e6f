package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The closed loop every scenario's callers run, with calls answered by a stand-in. */
class LoadCallerTest {
  private final ManagedChannel unused = InProcessChannelBuilder.forName("load-caller-test-unused").build();
  private final ExecutorService answers = Executors.newSingleThreadExecutor();
  private final LoadPhase phase = new LoadPhase();
  private final Throughput throughput = new Throughput();

  @AfterEach
  void stop() {
    unused.shutdownNow();
    answers.shutdownNow();
    throughput.close();
  }

  @Test
  void sendsOneCallAtATimeUntilTheScenarioIsDone() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    StandIn caller = caller(n -> {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      if (n == 200) {
        phase.done();
      }
      // Answered on another thread, as the transport's thread answers a real call.
      return CompletableFuture.runAsync(inFlight::decrementAndGet, answers);
    });

    caller.start().get(10, TimeUnit.SECONDS);

    assertEquals(200, caller.calls.get(), "no call after the scenario was done");
    assertEquals(200, caller.stats().unmeasured, "every call was counted before the loop ended");
    assertEquals(1, mostInFlight.get());
  }

  @Test
  void callsAnsweredAtOnceDoNotDeepenTheStack() throws Exception {
    // Far more calls than a stack has frames for, if each answer sent the next call from within.
    StandIn caller = caller(n -> {
      if (n == 200_000) {
        phase.done();
      }
      return CompletableFuture.completedFuture(null);
    });

    caller.start().get(30, TimeUnit.SECONDS);

    assertEquals(200_000, caller.stats().unmeasured);
  }

  @Test
  void aFaultOfTheBenchmarkAbortsTheScenario() {
    StandIn caller = caller(n -> CompletableFuture.supplyAsync(() -> {
      throw new IllegalStateException("counting broke");
    }, answers));

    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> caller.start().get(10, TimeUnit.SECONDS));

    assertInstanceOf(IllegalStateException.class, failed.getCause());
    assertEquals(LoadPhase.State.DONE, phase.state());
    assertTrue(phase.abortReason().contains("counting broke"), phase.abortReason());
    assertEquals(1, caller.calls.get(), "the loop stopped at the fault");
  }

  @Test
  void aServerErrorIsCountedByCodeNotTreatedAsAFault() {
    StandIn caller = caller(n -> CompletableFuture.completedFuture(null));

    // As a dependent stage hands it on: wrapped.
    caller.countError(new CompletionException(Status.UNAVAILABLE.asRuntimeException()), true, 3);
    caller.countError(Status.RESOURCE_EXHAUSTED.asRuntimeException(), false, 1);

    assertEquals(Map.of("UNAVAILABLE", 1L), caller.stats().measuredErrors);
    assertEquals(Map.of("RESOURCE_EXHAUSTED", 1L), caller.stats().otherErrors);
    assertEquals(3, caller.stats().ambiguous, "only the refusal guarantees nothing was recorded");
  }

  /** A caller whose n-th call (from 1) is answered by {@code answer}; every answer counted as unmeasured. */
  private StandIn caller(Function<Long, CompletableFuture<?>> answer) {
    Scenario scenario =
        new Scenario(Scenario.Kind.MANY_ACCOUNTS, List.of(new BenchAccount("acc-1", "key-1", unused)), 0);
    return new StandIn(scenario, phase, throughput, answer);
  }

  private static final class StandIn extends LoadCaller {
    final AtomicLong calls = new AtomicLong();
    private final Function<Long, CompletableFuture<?>> answer;

    StandIn(Scenario scenario, LoadPhase phase, Throughput throughput, Function<Long, CompletableFuture<?>> answer) {
      super(scenario, new AtomicLong(), phase, throughput);
      this.answer = answer;
    }

    @Override
    CompletionStage<?> callOnce() {
      return answer.apply(calls.incrementAndGet()).thenRun(() -> stats.unmeasured++);
    }
  }
}
