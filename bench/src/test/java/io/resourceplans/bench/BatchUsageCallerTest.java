package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import org.junit.jupiter.api.Test;

class BatchUsageCallerTest {
  @Test
  void aRefusedRecordIsCountedByItsCodeAndReason() {
    com.google.rpc.Status refused = com.google.rpc.Status.newBuilder()
        .setCode(io.grpc.Status.Code.RESOURCE_EXHAUSTED.value())
        .setMessage("QUOTA_EXHAUSTED: ...")
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("QUOTA_EXHAUSTED").setDomain("resourceplans.io").build()))
        .build();
    assertEquals("record RESOURCE_EXHAUSTED QUOTA_EXHAUSTED", BatchUsageCaller.recordError(refused));
    assertEquals("record INTERNAL", BatchUsageCaller.recordError(
        com.google.rpc.Status.newBuilder().setCode(io.grpc.Status.Code.INTERNAL.value()).build()));
  }
}
