package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.MethodOptions.IdempotencyLevel;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.api.v1.ValidationProto;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The idempotency_level of every RPC, which tells clients what they may retry, follows from its
 * request: IDEMPOTENT exactly when the request has an idempotency key (a field with the
 * (resourceplans.v1.idempotency_key) option, the request_id the server deduplicates on), or is a
 * batch of such requests (each item with its own key, as RecordUsages), and
 * NO_SIDE_EFFECTS otherwise (reads), except BindingService.LogIn, which is neither.
 */
class IdempotencyLevelsTest {
  private static final List<io.grpc.ServiceDescriptor> API =
      List.of(
          PlanServiceGrpc.getServiceDescriptor(),
          ActivationServiceGrpc.getServiceDescriptor(),
          BindingServiceGrpc.getServiceDescriptor(),
          OperatorServiceGrpc.getServiceDescriptor());

  /** The one RPC with side effects and no idempotency key: a log-in counts failures and locks. */
  private static final String LOG_IN = "resourceplans.v1.BindingService.LogIn";

  @Test
  void everyMethodIsIdempotentExactlyWhenItsRequestHasAnIdempotencyKey() {
    Map<String, IdempotencyLevel> expected = new TreeMap<>();
    Map<String, IdempotencyLevel> declared = new TreeMap<>();
    int keyed = 0;
    for (io.grpc.ServiceDescriptor grpcService : API) {
      ServiceDescriptor service =
          ((ProtoServiceDescriptorSupplier) grpcService.getSchemaDescriptor()).getServiceDescriptor();
      for (MethodDescriptor method : service.getMethods()) {
        boolean hasKey = hasIdempotencyKey(method);
        keyed += hasKey ? 1 : 0;
        expected.put(
            method.getFullName(),
            hasKey
                ? IdempotencyLevel.IDEMPOTENT
                : method.getFullName().equals(LOG_IN)
                    ? IdempotencyLevel.IDEMPOTENCY_UNKNOWN
                    : IdempotencyLevel.NO_SIDE_EFFECTS);
        declared.put(method.getFullName(), method.getOptions().getIdempotencyLevel());
      }
    }
    assertEquals(expected, declared);
    // The option is read at all (an extension not registered would make every method keyless).
    int keyedMethods = keyed;
    assertTrue(keyedMethods > 10, () -> keyedMethods + " of " + expected.size() + " methods have an idempotency key");
    assertEquals(IdempotencyLevel.IDEMPOTENCY_UNKNOWN, declared.get(LOG_IN), "LogIn is in the API");
  }

  private static boolean hasIdempotencyKey(MethodDescriptor method) {
    for (FieldDescriptor field : method.getInputType().getFields()) {
      if (field.getOptions().getExtension(ValidationProto.idempotencyKey) || isBatchOfKeyed(field)) {
        return true;
      }
    }
    return false;
  }

  /** A repeated field of requests that each have an idempotency key. */
  private static boolean isBatchOfKeyed(FieldDescriptor field) {
    return field.isRepeated()
        && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && field.getMessageType().getFields().stream()
            .anyMatch(f -> f.getOptions().getExtension(ValidationProto.idempotencyKey));
  }
}
