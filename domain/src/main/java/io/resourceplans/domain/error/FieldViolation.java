package io.resourceplans.domain.error;

import java.util.Objects;

/** One bad request field: its path as the caller spelled it (e.g. {@code page_token}) and why. */
public record FieldViolation(String field, String description) {
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(description, "description");
  }
}
