package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.stub.ClientCalls;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.server.testing.BaseRequests;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.FieldMutations;
import io.resourceplans.server.testing.FieldMutations.Mutation;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every RPC of every API service, taken from the generated service descriptors, is sent its valid
 * base request changed in one field at a time (see {@link FieldMutations}): a NUL in each string,
 * the extremes of each number and enum, and out-of-range and extreme timestamps. No answer may be
 * INTERNAL or UNKNOWN; a NUL or an invalid timestamp must be INVALID_ARGUMENT naming the field.
 */
class NoInternalOnAnyInputTest {
  private static final List<ServiceDescriptor> API =
      List.of(
          PlanServiceGrpc.getServiceDescriptor(),
          ActivationServiceGrpc.getServiceDescriptor(),
          BindingServiceGrpc.getServiceDescriptor(),
          OperatorServiceGrpc.getServiceDescriptor());

  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();
  private static BaseRequests bases;

  @BeforeAll
  static void start() throws Exception {
    bases = BaseRequests.on(market);
  }

  @Test
  void noRequestChangedInOneFieldIsAnsweredInternalOrUnknown() {
    List<String> missing = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (ServiceDescriptor service : API) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        BaseRequests.Base base = bases.of(method.getFullMethodName());
        if (base == null) {
          missing.add(method.getFullMethodName());
          continue;
        }
        Descriptor input = inputType(method);
        for (Mutation mutation : FieldMutations.of(input)) {
          BaseRequests.Call call = base.next();
          Message request = mutation.apply().apply(withFreshRequestId(call.request()));
          Status.Code code = send(method, request, call.key(), mutation, failures);
          if (code == Status.Code.OK) {
            base.succeeded();
          }
          calls++;
        }
        // The base itself is valid (so a refusal above came from the changed field).
        BaseRequests.Call call = base.next();
        Status.Code code = send(method, withFreshRequestId(call.request()), call.key(), null, failures);
        if (code != base.expected()) {
          failures.add(method.getFullMethodName() + " base request answered " + code + ", expected " + base.expected());
        }
        base.succeeded();
        calls++;
      }
    }
    int made = calls;
    assertTrue(missing.isEmpty(), () -> "RPCs without a base request in BaseRequests: " + missing);
    assertTrue(made > 500, "only " + made + " calls were made");
    assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers of " + made + " calls:\n" + String.join("\n", failures));
  }

  private static Descriptor inputType(MethodDescriptor<?, ?> method) {
    return ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor().getInputType();
  }

  private static Message withFreshRequestId(Message request) {
    FieldDescriptor requestId = request.getDescriptorForType().findFieldByName("request_id");
    return requestId == null ? request : request.toBuilder().setField(requestId, TestServer.requestId()).build();
  }

  /** Sends one request; records a failure if the answer is not one the mutation allows. */
  @SuppressWarnings("unchecked")
  private static Status.Code send(
      MethodDescriptor<?, ?> method, Message request, String key, Mutation mutation, List<String> failures) {
    String what = method.getFullMethodName() + (mutation == null ? " (base)" : " " + mutation);
    try {
      if (method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
        streamed((MethodDescriptor<Message, Message>) method, request, key);
      } else {
        ClientCalls.blockingUnaryCall(
            server.channel(),
            (MethodDescriptor<Message, Message>) method,
            CallOptions.DEFAULT.withCallCredentials(TestServer.bearer(key)).withDeadlineAfter(20, TimeUnit.SECONDS),
            request);
      }
      if (mutation != null && mustBeRefused(mutation)) {
        failures.add(what + ": accepted");
      }
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.INTERNAL || code == Status.Code.UNKNOWN || code == Status.Code.DEADLINE_EXCEEDED) {
        failures.add(what + ": " + e.getStatus());
      } else if (mutation != null && mustBeRefused(mutation)) {
        List<String> fields =
            Errors.details(e, BadRequest.class).stream()
                .flatMap(b -> b.getFieldViolationsList().stream())
                .map(BadRequest.FieldViolation::getField)
                .toList();
        if (code != Status.Code.INVALID_ARGUMENT || !fields.contains(mutation.path())) {
          failures.add(what + ": " + e.getStatus() + " with violations " + fields);
        }
      }
      return code;
    }
  }

  /**
   * A server-streaming call (WatchAccountEvents): accepted when its first message comes, or when it
   * is still open and silent after a while; then cancelled. A refusal is thrown as a unary one is.
   */
  private static void streamed(MethodDescriptor<Message, Message> method, Message request, String key) {
    Context.CancellableContext call = Context.current().withCancellation();
    try {
      call.run(() -> {
        try {
          ClientCalls.blockingServerStreamingCall(
                  server.channel(), method,
                  CallOptions.DEFAULT.withCallCredentials(TestServer.bearer(key)).withDeadlineAfter(2, TimeUnit.SECONDS),
                  request)
              .hasNext();
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
            throw e;
          }
        }
      });
    } finally {
      call.cancel(null);
    }
  }

  private static boolean mustBeRefused(Mutation mutation) {
    return mutation.kind() == FieldMutations.Kind.NUL_STRING || mutation.kind() == FieldMutations.Kind.INVALID_TIMESTAMP;
  }
}
