package io.resourceplans.domain.common;

import java.time.Instant;
import java.util.Objects;

/** Position in a list ordered by (creation time, ID): the last item of the previous page. */
public record Cursor(Instant createTime, String id) {
  public Cursor {
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(id, "id");
  }
}
