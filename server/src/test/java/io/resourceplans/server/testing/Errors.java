package io.resourceplans.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the rich errors the server returns. */
public final class Errors {
  private Errors() {}

  public static StatusRuntimeException assertStatus(Status.Code code, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), () -> "status was " + e.getStatus());
    return e;
  }

  /**
   * Asserts the code, that exactly one ErrorInfo carries this reason, and that the status message
   * names the reason first (as grpcurl users read it).
   */
  public static StatusRuntimeException assertRefused(Status.Code code, String reason, Executable call) {
    StatusRuntimeException e = assertStatus(code, call);
    List<ErrorInfo> infos = details(e, ErrorInfo.class);
    assertEquals(1, infos.size(), "exactly one ErrorInfo in " + e.getStatus());
    assertEquals(reason, infos.get(0).getReason());
    assertEquals("resourceplans.io", infos.get(0).getDomain());
    String description = e.getStatus().getDescription();
    assertTrue(
        description != null && description.startsWith(reason + ": ") && description.length() > reason.length() + 2,
        () -> "the message names the reason first: " + description);
    return e;
  }

  /** Asserts INVALID_ARGUMENT with a field violation on each named field. */
  public static StatusRuntimeException assertInvalid(Executable call, String... fields) {
    StatusRuntimeException e = assertStatus(Status.Code.INVALID_ARGUMENT, call);
    List<String> violated =
        details(e, BadRequest.class).stream()
            .flatMap(b -> b.getFieldViolationsList().stream())
            .map(BadRequest.FieldViolation::getField)
            .toList();
    for (String field : fields) {
      assertTrue(violated.contains(field), () -> field + " not among violations " + violated);
    }
    return e;
  }

  /** The ErrorInfo reason of an error, or its status when it has none. */
  public static String reason(StatusRuntimeException e) {
    return details(e, ErrorInfo.class).stream().map(ErrorInfo::getReason).findFirst().orElse(e.getStatus().toString());
  }

  public static <T extends com.google.protobuf.Message> List<T> details(
      StatusRuntimeException e, Class<T> type) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return List.of();
    }
    return status.getDetailsList().stream()
        .filter(a -> a.is(type))
        .map(a -> unpack(a, type))
        .flatMap(Optional::stream)
        .toList();
  }

  private static <T extends com.google.protobuf.Message> Optional<T> unpack(Any any, Class<T> type) {
    try {
      return Optional.of(any.unpack(type));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }
}
