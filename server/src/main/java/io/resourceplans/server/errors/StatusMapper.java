package io.resourceplans.server.errors;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.Metadata;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.api.v1.ErrorReason;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCategory;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one mapping from domain refusals to {@code google.rpc.Status} with rich details, and from
 * such a status to the status and trailers a call is closed with.
 */
public final class StatusMapper {
  /** ErrorInfo.domain of every error this service returns. */
  public static final String ERROR_DOMAIN = "resourceplans.io";

  /** ErrorInfo metadata key of the ID that matches the server's log line about a failure. */
  public static final String CORRELATION_ID = "correlation_id";

  /**
   * The trailer gRPC's own retry policy (a service config's retryPolicy) reads: it waits this many
   * milliseconds before the next attempt. It does not read google.rpc.RetryInfo, so every status
   * with a RetryInfo also carries this trailer, with the same delay.
   */
  public static final Metadata.Key<String> RETRY_PUSHBACK_MS =
      Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

  /**
   * The proto ErrorReason of every domain ErrorCode but INVALID_INPUT (field violations only, no
   * ErrorInfo), matched by name once, when the class loads: a code without a reason in
   * error_reason.proto stops the server at start-up rather than sending an unlisted reason.
   */
  private static final Map<ErrorCode, ErrorReason> REASONS = reasons();

  private StatusMapper() {}

  private static Map<ErrorCode, ErrorReason> reasons() {
    Map<ErrorCode, ErrorReason> reasons = new EnumMap<>(ErrorCode.class);
    for (ErrorCode code : ErrorCode.values()) {
      if (code == ErrorCode.INVALID_INPUT) {
        continue;
      }
      try {
        reasons.put(code, ErrorReason.valueOf(code.reason()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "ErrorCode." + code + " has no ErrorReason of that name in error_reason.proto", e);
      }
    }
    return Collections.unmodifiableMap(reasons);
  }

  /** The ErrorInfo reason of a domain code; empty for INVALID_INPUT, which has none. */
  public static Optional<ErrorReason> reason(ErrorCode code) {
    return Optional.ofNullable(REASONS.get(code));
  }

  public static Status toStatus(DomainException e) {
    return toStatus(e, Map.of());
  }

  /** As {@link #toStatus(DomainException)}, with a correlation ID for the log line it matches. */
  public static Status toStatus(DomainException e, String correlationId) {
    return toStatus(e, Map.of(CORRELATION_ID, correlationId));
  }

  private static Status toStatus(DomainException e, Map<String, String> extraMetadata) {
    Status.Builder status = Status.newBuilder().setCode(code(e.code().category()).getNumber());
    Optional<ErrorReason> reason = reason(e.code());
    if (reason.isPresent()) {
      Map<String, String> metadata = new HashMap<>(e.metadata());
      metadata.putAll(extraMetadata);
      status.setMessage(message(reason.get(), e.getMessage()));
      status.addDetails(Any.pack(errorInfo(reason.get(), metadata)));
    } else {
      status.setMessage(e.getMessage());
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
    ErrorReason reason = ErrorReason.INTERNAL_ERROR;
    return Status.newBuilder()
        .setCode(Code.INTERNAL_VALUE)
        .setMessage(message(reason, "internal error; correlation id " + correlationId))
        .addDetails(Any.pack(errorInfo(reason, Map.of(CORRELATION_ID, correlationId))))
        .build();
  }

  /**
   * The status message of a status with an ErrorInfo: its reason first, so that grpcurl and buf
   * curl users read it without decoding the details.
   */
  private static String message(ErrorReason reason, String message) {
    return reason.name() + ": " + message;
  }

  public static ErrorInfo errorInfo(ErrorReason reason, Map<String, String> metadata) {
    return ErrorInfo.newBuilder()
        .setReason(reason.name())
        .setDomain(ERROR_DOMAIN)
        .putAllMetadata(metadata)
        .build();
  }

  /**
   * The exception a call is closed with: the status, its details in grpc-status-details-bin, and,
   * when the details hold a RetryInfo, its delay in {@link #RETRY_PUSHBACK_MS} as well. Every rich
   * status the server sends goes through here.
   */
  public static StatusException toException(Status status) {
    Metadata trailers = new Metadata();
    retryDelayMillis(status)
        .ifPresent(millis -> trailers.put(RETRY_PUSHBACK_MS, Long.toString(millis)));
    return StatusProto.toStatusException(status, trailers);
  }

  private static Optional<Long> retryDelayMillis(Status status) {
    for (Any detail : status.getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        try {
          Duration delay = detail.unpack(RetryInfo.class).getRetryDelay();
          return Optional.of(delay.getSeconds() * 1000 + delay.getNanos() / 1_000_000);
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException("a RetryInfo this server packed does not parse", e);
        }
      }
    }
    return Optional.empty();
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
