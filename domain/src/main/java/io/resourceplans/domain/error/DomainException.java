package io.resourceplans.domain.error;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal by a business rule. The message is written for the caller and must never contain
 * secrets or storage details; metadata is copied into ErrorInfo.
 */
public class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Metadata key of a refusal that says when to retry; the server also sends it as google.rpc.RetryInfo. */
  public static final String RETRY_DELAY_SECONDS = "retry_delay_seconds";

  private final ErrorCode code;
  private final Map<String, String> metadata;
  private final List<FieldViolation> violations;

  public DomainException(ErrorCode code, String message) {
    this(code, message, Map.of(), List.of());
  }

  public DomainException(ErrorCode code, String message, Map<String, String> metadata) {
    this(code, message, metadata, List.of());
  }

  public DomainException(
      ErrorCode code, String message, Map<String, String> metadata, List<FieldViolation> violations) {
    this(code, message, metadata, violations, null);
  }

  /**
   * @param cause what went wrong underneath (e.g. a lost database connection), for the server's log
   *     line; never shown to the caller
   */
  public DomainException(
      ErrorCode code, String message, Map<String, String> metadata, List<FieldViolation> violations, Throwable cause) {
    super(message, cause, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.metadata = Map.copyOf(metadata);
    this.violations = List.copyOf(violations);
  }

  /** Bad input: one or more fields are wrong. */
  public static DomainException invalid(List<FieldViolation> violations) {
    String summary = violations.isEmpty() ? "invalid request" : "invalid " + violations.get(0).field();
    return new DomainException(ErrorCode.INVALID_INPUT, summary, Map.of(), violations);
  }

  public static DomainException invalid(String field, String description) {
    return invalid(List.of(new FieldViolation(field, description)));
  }

  public static DomainException notFound(ErrorCode code, String what, String id) {
    return new DomainException(code, what + " " + id + " not found", Map.of(keyFor(what), id));
  }

  private static String keyFor(String what) {
    return what.replace(' ', '_') + "_id";
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
