package io.resourceplans.server.errors;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.protobuf.Duration;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCategory;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import java.util.List;
import java.util.Map;

/** The one mapping from domain refusals to {@code google.rpc.Status} with rich details. */
public final class StatusMapper {
  /** ErrorInfo.domain of every error this service returns. */
  public static final String ERROR_DOMAIN = "resourceplans.io";

  private StatusMapper() {}

  /** ErrorInfo metadata key of the ID that matches the server's log line about a failure. */
  public static final String CORRELATION_ID = "correlation_id";

  public static Status toStatus(DomainException e) {
    return toStatus(e, Map.of());
  }

  /** As {@link #toStatus(DomainException)}, with a correlation ID for the log line it matches. */
  public static Status toStatus(DomainException e, String correlationId) {
    return toStatus(e, Map.of(CORRELATION_ID, correlationId));
  }

  private static Status toStatus(DomainException e, Map<String, String> extraMetadata) {
    Status.Builder status =
        Status.newBuilder().setCode(code(e.code().category()).getNumber()).setMessage(e.getMessage());
    if (e.code() != ErrorCode.INVALID_INPUT) {
      Map<String, String> metadata = new java.util.HashMap<>(e.metadata());
      metadata.putAll(extraMetadata);
      status.addDetails(Any.pack(errorInfo(e.code().reason(), metadata)));
    }
    if (!e.violations().isEmpty()) {
      status.addDetails(Any.pack(badRequest(e.violations())));
    }
    String retryDelay = e.metadata().get(DomainException.RETRY_DELAY_SECONDS);
    if (retryDelay != null) {
      status.addDetails(
          Any.pack(
              RetryInfo.newBuilder()
                  .setRetryDelay(Duration.newBuilder().setSeconds(Long.parseLong(retryDelay)))
                  .build()));
    }
    return status.build();
  }

  /** Bad input found before any business rule ran (protovalidate). */
  public static Status invalidArgument(String message, List<FieldViolation> violations) {
    return Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage(message)
        .addDetails(Any.pack(badRequest(violations)))
        .build();
  }

  /** A bug or an outage: the caller learns only the correlation ID that matches one log line. */
  public static Status internal(String correlationId) {
    return Status.newBuilder()
        .setCode(Code.INTERNAL_VALUE)
        .setMessage("internal error; correlation id " + correlationId)
        .addDetails(Any.pack(errorInfo("INTERNAL_ERROR", Map.of(CORRELATION_ID, correlationId))))
        .build();
  }

  public static ErrorInfo errorInfo(String reason, Map<String, String> metadata) {
    return ErrorInfo.newBuilder().setReason(reason).setDomain(ERROR_DOMAIN).putAllMetadata(metadata).build();
  }

  private static BadRequest badRequest(List<FieldViolation> violations) {
    BadRequest.Builder bad = BadRequest.newBuilder();
    for (FieldViolation v : violations) {
      bad.addFieldViolations(
          BadRequest.FieldViolation.newBuilder().setField(v.field()).setDescription(v.description()));
    }
    return bad.build();
  }

  static Code code(ErrorCategory category) {
    return switch (category) {
      case INVALID_ARGUMENT -> Code.INVALID_ARGUMENT;
      case UNAUTHENTICATED -> Code.UNAUTHENTICATED;
      case PERMISSION_DENIED -> Code.PERMISSION_DENIED;
      case NOT_FOUND -> Code.NOT_FOUND;
      case ALREADY_EXISTS -> Code.ALREADY_EXISTS;
      case FAILED_PRECONDITION -> Code.FAILED_PRECONDITION;
      case RESOURCE_EXHAUSTED -> Code.RESOURCE_EXHAUSTED;
      case ABORTED -> Code.ABORTED;
      case UNAVAILABLE -> Code.UNAVAILABLE;
    };
  }
}
