package io.resourceplans.domain.error;

import java.util.ArrayList;
import java.util.List;

/** Collects field violations so a request reports all its bad fields at once. */
public final class Violations {
  private final List<FieldViolation> list = new ArrayList<>();

  public Violations add(String field, String description) {
    list.add(new FieldViolation(field, description));
    return this;
  }

  public Violations check(boolean ok, String field, String description) {
    if (!ok) {
      add(field, description);
    }
    return this;
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** Throws an INVALID_INPUT refusal if any violation was collected. */
  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw DomainException.invalid(list);
    }
  }
}
