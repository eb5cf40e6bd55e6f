package io.resourceplans.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Optional;

/** Reads the google.rpc details the server attaches to its errors. */
public final class ErrorDetails {
  private ErrorDetails() {}

  /** The ErrorInfo reason (e.g. {@code INSUFFICIENT_BALANCE}); empty for plain bad input. */
  public static Optional<String> reason(StatusRuntimeException e) {
    return unpack(e, ErrorInfo.class).map(ErrorInfo::getReason);
  }

  /** The BadRequest field violations; empty when the error is not about fields. */
  public static List<BadRequest.FieldViolation> fieldViolations(StatusRuntimeException e) {
    return unpack(e, BadRequest.class).map(BadRequest::getFieldViolationsList).orElse(List.of());
  }

  public static <T extends com.google.protobuf.Message> Optional<T> unpack(
      StatusRuntimeException e, Class<T> type) {
    Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return Optional.empty();
    }
    for (Any detail : status.getDetailsList()) {
      if (detail.is(type)) {
        try {
          return Optional.of(detail.unpack(type));
        } catch (InvalidProtocolBufferException malformed) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
