package io.resourceplans.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.api.v1.ErrorReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call the service refused or could not answer: its gRPC status code, the ErrorInfo reason as
 * an {@link ErrorReason}, the reason's metadata, the BadRequest field violations, the RetryInfo
 * delay, the correlation ID of the server's log line and the request ID the call was sent with.
 * Every client method throws it (or completes its future with it) instead of gRPC's own
 * exception, which stays available as the {@linkplain #getCause() cause}.
 *
 * <pre>{@code
 * try {
 *   plan.recordUsage(request);
 * } catch (ResourcePlansException e) {
 *   switch (e.reason()) {
 *     case QUOTA_EXHAUSTED -> pauseCampaign();
 *     case INSUFFICIENT_BALANCE -> askForTopUp();
 *     default -> throw e;
 *   }
 * }
 * }</pre>
 *
 * A reason newer than this client is {@link ErrorReason#UNRECOGNIZED}, with the server's string in
 * {@link #reasonName()}; an error without a reason (plain bad input, transport failures) is
 * {@link ErrorReason#ERROR_REASON_UNSPECIFIED}.
 */
public final class ResourcePlansException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Trailer the server sends on every answer: the ID its log lines about the call carry. */
  static final Metadata.Key<String> CORRELATION_ID_TRAILER =
      Metadata.Key.of("correlation-id", Metadata.ASCII_STRING_MARSHALLER);

  private static final String CORRELATION_ID_METADATA = "correlation_id";

  /** The gRPC status code. */
  private final Status.Code code;
  /** The status message. */
  private final String description;
  /** The ErrorInfo reason as an enum constant. */
  private final ErrorReason reason;
  /** The ErrorInfo reason as sent. */
  private final String reasonName;
  /** The ErrorInfo metadata. */
  private final Map<String, String> metadata;
  /** The BadRequest field violations. */
  private final List<BadRequest.FieldViolation> fieldViolations;
  /** The RetryInfo delay, or null. */
  private final Duration retryDelay;
  /** The server's correlation ID, or null. */
  private final String correlationId;
  /** The request_id sent, or null. */
  private final String requestId;

  private ResourcePlansException(
      Status status,
      ErrorInfo errorInfo,
      BadRequest badRequest,
      RetryInfo retryInfo,
      String correlationId,
      String requestId,
      Throwable cause) {
    super(message(status, errorInfo.getReason(), requestId, correlationId), cause);
    this.code = status.getCode();
    this.description = status.getDescription() == null ? "" : status.getDescription();
    this.reasonName = errorInfo.getReason();
    this.reason = reasonOf(reasonName);
    this.metadata = Map.copyOf(errorInfo.getMetadataMap());
    this.fieldViolations = List.copyOf(badRequest.getFieldViolationsList());
    this.retryDelay =
        retryInfo.hasRetryDelay()
            ? Duration.ofSeconds(retryInfo.getRetryDelay().getSeconds(), retryInfo.getRetryDelay().getNanos())
            : null;
    this.correlationId = correlationId;
    this.requestId = requestId;
  }

  /**
   * {@return the exception for a failed call}, read from gRPC's exception and its status details
   * (any other throwable becomes an UNKNOWN error with it as the cause).
   *
   * @param failure what the call failed with
   * @param requestId the request_id the call was sent with, if it had one
   */
  public static ResourcePlansException from(Throwable failure, Optional<String> requestId) {
    Status status = Status.fromThrowable(failure);
    Metadata trailers = Status.trailersFromThrowable(failure);
    com.google.rpc.Status details = trailers == null ? null : StatusProto.fromStatusAndTrailers(status, trailers);
    ErrorInfo errorInfo = unpack(details, ErrorInfo.class).orElse(ErrorInfo.getDefaultInstance());
    String correlationId = trailers == null ? null : trailers.get(CORRELATION_ID_TRAILER);
    if (correlationId == null) {
      correlationId = errorInfo.getMetadataMap().get(CORRELATION_ID_METADATA);
    }
    return new ResourcePlansException(
        status,
        errorInfo,
        unpack(details, BadRequest.class).orElse(BadRequest.getDefaultInstance()),
        unpack(details, RetryInfo.class).orElse(RetryInfo.getDefaultInstance()),
        correlationId,
        requestId.orElse(null),
        failure);
  }

  /** {@return the gRPC status code} */
  public Status.Code code() {
    return code;
  }

  /** {@return the reason}; see the class comment for errors without one or with a newer one. */
  public ErrorReason reason() {
    return reason;
  }

  /** {@return the reason as the server sent it} ("" when there is none) */
  public String reasonName() {
    return reasonName;
  }

  /** {@return the status message the server wrote} For people, not for code: use {@link #reason()}. */
  public String description() {
    return description;
  }

  /** {@return the reason's ErrorInfo metadata}, e.g. {@code permission} of PERMISSION_MISSING */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** {@return the BadRequest field violations} (bad input, QUANTITY_NOT_ALLOWED, PURPOSE_NOT_ALLOWED) */
  public List<BadRequest.FieldViolation> fieldViolations() {
    return fieldViolations;
  }

  /** {@return how long the server asks callers to wait before retrying (its RetryInfo)}, if it said */
  public Optional<Duration> retryDelay() {
    return Optional.ofNullable(retryDelay);
  }

  /** {@return the ID of the server's log lines about this call}, for a support request */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /** {@return the request_id the call was sent with} (filled in by the client when it was empty) */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * {@return whether sending the same request again is safe and may succeed}: true when the
   * outcome is unknown or the call changed nothing and may succeed later
   * (UNAVAILABLE, ABORTED, DEADLINE_EXCEEDED): sending the same request again, with the same
   * request_id, is safe and is answered as if it had been sent once. The client already retried
   * UNAVAILABLE and ABORTED as its RetrySettings allow before throwing.
   */
  public boolean isRetryable() {
    return code == Status.Code.UNAVAILABLE
        || code == Status.Code.ABORTED
        || code == Status.Code.DEADLINE_EXCEEDED;
  }

  private static ErrorReason reasonOf(String name) {
    if (name.isEmpty()) {
      return ErrorReason.ERROR_REASON_UNSPECIFIED;
    }
    try {
      ErrorReason reason = ErrorReason.valueOf(name);
      return reason == ErrorReason.ERROR_REASON_UNSPECIFIED ? ErrorReason.UNRECOGNIZED : reason;
    } catch (IllegalArgumentException newerThanThisClient) {
      return ErrorReason.UNRECOGNIZED;
    }
  }

  private static String message(Status status, String reason, String requestId, String correlationId) {
    StringBuilder message = new StringBuilder(status.getCode().name());
    String description = status.getDescription();
    if (description != null && !description.isEmpty()) {
      message.append(": ").append(description);
    } else if (!reason.isEmpty()) {
      message.append(": ").append(reason);
    }
    if (requestId != null) {
      message.append(" (request_id ").append(requestId);
      message.append(correlationId == null ? ")" : ", correlation_id " + correlationId + ")");
    } else if (correlationId != null) {
      message.append(" (correlation_id ").append(correlationId).append(')');
    }
    return message.toString();
  }

  private static <T extends Message> Optional<T> unpack(com.google.rpc.Status details, Class<T> type) {
    if (details == null) {
      return Optional.empty();
    }
    for (Any detail : details.getDetailsList()) {
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
