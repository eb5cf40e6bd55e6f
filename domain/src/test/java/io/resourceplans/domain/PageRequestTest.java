package io.resourceplans.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  @Test
  void zeroPageSizeMeansTheDefault() {
    assertEquals(10, PageRequest.of(0, 10, "").size());
    assertEquals(3, PageRequest.of(3, 10, "").size());
  }

  @Test
  void tokenRoundTripsTheCursor() {
    Cursor cursor = new Cursor(Instant.parse("2026-11-22T08:00:00.123456Z"), "pkg-abc");
    PageRequest next = PageRequest.of(5, 10, PageRequest.encode(cursor));
    assertEquals(Optional.of(cursor), next.after());
  }

  @Test
  void tokenOfBeforeTheEpochRoundTrips() {
    Cursor cursor = new Cursor(Instant.parse("1969-12-31T23:59:59.999999Z"), "x");
    assertEquals(Optional.of(cursor), PageRequest.of(1, 1, PageRequest.encode(cursor)).after());
  }

  @Test
  void garbageTokenIsBadInputOnPageToken() {
    for (String token : List.of("%%%", "bm9jb2xvbg", "OnBrZw")) {
      DomainException e = assertThrows(DomainException.class, () -> PageRequest.of(1, 10, token));
      assertEquals(ErrorCode.PAGE_TOKEN_INVALID, e.code());
      assertEquals("page_token", e.violations().get(0).field());
    }
  }

  @Test
  void pageSizeAboveTheMaximumIsBadInput() {
    DomainException e = assertThrows(DomainException.class, () -> PageRequest.of(101, 10, ""));
    assertEquals("page_size", e.violations().get(0).field());
  }

  @Test
  void overfetchedRowSignalsANextPage() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    List<String> rows = List.of("a", "b", "c");
    Page<String> page = Page.fromOverfetch(rows, 2, s -> new Cursor(t, s));
    assertEquals(List.of("a", "b"), page.items());
    assertEquals(Optional.of(new Cursor(t, "b")), PageRequest.of(2, 2, page.nextPageToken().orElseThrow()).after());
    assertEquals(Optional.empty(), Page.fromOverfetch(List.of("a", "b"), 2, s -> new Cursor(t, s)).nextPageToken());
  }
}
