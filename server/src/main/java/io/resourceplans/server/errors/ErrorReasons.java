package io.resourceplans.server.errors;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;

/** Reads back the ErrorInfo reason a call was closed with, for the access log and the metrics. */
public final class ErrorReasons {
  private ErrorReasons() {}

  /** The reason of the status's ErrorInfo, or "" (OK, plain bad input, transport refusals). */
  public static String of(Status status, Metadata trailers) {
    if (status.isOk() || trailers == null) {
      return "";
    }
    com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(status, trailers);
    for (Any detail : details.getDetailsList()) {
      if (detail.is(ErrorInfo.class)) {
        try {
          return detail.unpack(ErrorInfo.class).getReason();
        } catch (InvalidProtocolBufferException e) {
          return "";
        }
      }
    }
    return "";
  }
}
