package io.resourceplans.domain.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list and the token for the next one (empty on the last page). */
public record Page<T>(List<T> items, Optional<String> nextPageToken) {
  public Page {
    items = List.copyOf(items);
  }

  /**
   * Builds a page from up to {@code size + 1} rows fetched after the cursor: the extra row only
   * says that another page exists.
   */
  public static <T> Page<T> fromOverfetch(List<T> rows, PageRequest page, Function<T, Cursor> cursorOf) {
    int size = page.size();
    if (rows.size() <= size) {
      return new Page<>(rows, Optional.empty());
    }
    List<T> items = rows.subList(0, size);
    return new Page<>(items, Optional.of(page.tokenAfter(cursorOf.apply(items.get(size - 1)))));
  }

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), nextPageToken);
  }
}
