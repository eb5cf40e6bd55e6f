package io.resourceplans.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a List RPC, fetched page by page as the iteration reaches it: the first page when
 * iteration starts, each next one (with the previous page's {@code next_page_token}) when the
 * items so far are used up, none after a page with an empty token. Each page is one call with
 * the client's retries and errors; a failure surfaces from {@code hasNext()} as a
 * {@link ResourcePlansException}. Each iteration starts again from the first page.
 *
 * @param <T> the listed resource
 */
public final class Paged<T> implements Iterable<T> {
  /** One page: its items and the token of the next one ("" on the last page). */
  record Page<T>(List<T> items, String nextPageToken) {}

  private final Function<String, Page<T>> fetch;

  Paged(Function<String, Page<T>> fetch) {
    this.fetch = fetch;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Iterator<T> current;
      private String nextToken = "";
      private boolean lastFetched;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (lastFetched) {
            return false;
          }
          Page<T> page = fetch.apply(nextToken);
          current = page.items().iterator();
          nextToken = page.nextPageToken();
          lastFetched = nextToken.isEmpty();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** {@return the items as a sequential stream, fetched as lazily as by the iterator} */
  public Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }
}
