package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResult;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RecordUsagesResponse;
import io.resourceplans.api.v1.UsageRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The batch caller against stand-ins for the server: one answering RecordUsages as the contract
 * says (a result per record: usage record, replayed, or a refusal), one without it (UNIMPLEMENTED).
 */
class BatchUsageCallerTest {

  @Test
  void aRefusedRecordIsCountedByItsCodeAndReason() {
    assertEquals("record RESOURCE_EXHAUSTED QUOTA_EXHAUSTED", BatchUsageCaller.recordError(quotaExhausted()));
    assertEquals("record INTERNAL", BatchUsageCaller.recordError(
        com.google.rpc.Status.newBuilder().setCode(io.grpc.Status.Code.INTERNAL.value()).build()));
  }

  @Test
  void countsRecordedReplayedAndRefusedRecordsOfEachAnswer() throws Exception {
    // Of every 10 records: the 4th replayed, the 10th refused; the rest recorded now.
    PlanServiceGrpc.PlanServiceImplBase contract = new PlanServiceGrpc.PlanServiceImplBase() {
      @Override
      public void recordUsages(RecordUsagesRequest request, StreamObserver<RecordUsagesResponse> answer) {
        RecordUsagesResponse.Builder response = RecordUsagesResponse.newBuilder();
        for (int i = 0; i < request.getRecordsCount(); i++) {
          RecordUsageRequest r = request.getRecords(i);
          RecordUsageResult.Builder result = RecordUsageResult.newBuilder().setRequestId(r.getRequestId());
          if (i % 10 == 9) {
            result.setError(quotaExhausted());
          } else {
            result.setUsageRecord(UsageRecord.newBuilder().setQuantity(r.getQuantity())).setReplayed(i % 10 == 3);
          }
          response.addResults(result);
        }
        answer.onNext(response.build());
        answer.onCompleted();
      }
    };
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).directExecutor().addService(contract).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      Scenario scenario = new Scenario(Scenario.Kind.BATCH, List.of(new BenchAccount("acc-1", "key-1", channel)), 0);
      LoadPhase phase = new LoadPhase();
      phase.measure();
      try (Throughput throughput = new Throughput()) {
        BatchUsageCaller caller = new BatchUsageCaller("t", scenario, 100, new AtomicLong(), phase, throughput);
        caller.callOnce().toCompletableFuture().get(10, TimeUnit.SECONDS);
        caller.callOnce().toCompletableFuture().get(10, TimeUnit.SECONDS);
        CallerStats stats = caller.stats();
        assertEquals(2, stats.measuredFresh);
        assertEquals(180, stats.measuredRecords);
        assertEquals(180, stats.acknowledgedFresh, "replayed records were deducted once, by the first call");
        assertEquals(20, stats.replayedRecords);
        assertEquals(Map.of("record RESOURCE_EXHAUSTED QUOTA_EXHAUSTED", 20L), stats.measuredErrors);
        assertEquals(0, stats.ambiguous);
        assertEquals(0, stats.unexpectedAnswers);
        assertEquals(2, stats.latency.getTotalCount());
      }
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
    }
  }

  @Test
  void aServerWithoutRecordUsagesMakesTheScenarioNotAvailable() throws Exception {
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new PlanServiceGrpc.PlanServiceImplBase() {}).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      Scenario scenario = new Scenario(Scenario.Kind.BATCH, List.of(new BenchAccount("acc-1", "key-1", channel)), 0);
      LoadPhase phase = new LoadPhase();
      try (Throughput throughput = new Throughput()) {
        BatchUsageCaller caller = new BatchUsageCaller("t", scenario, 100, new AtomicLong(), phase, throughput);
        caller.start().get(10, TimeUnit.SECONDS); // the first call ends the scenario
        assertTrue(phase.isUnavailable());
        assertEquals("RecordUsages answers UNIMPLEMENTED: not available on this server build", phase.abortReason());
        assertEquals(0, caller.stats().ambiguous, "UNIMPLEMENTED recorded nothing");
      }
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
    }
  }

  private static com.google.rpc.Status quotaExhausted() {
    return com.google.rpc.Status.newBuilder()
        .setCode(io.grpc.Status.Code.RESOURCE_EXHAUSTED.value())
        .setMessage("QUOTA_EXHAUSTED: the packages do not cover it")
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("QUOTA_EXHAUSTED").setDomain("resourceplans.io").build()))
        .build();
  }
}
