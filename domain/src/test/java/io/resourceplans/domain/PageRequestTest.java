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
  private static final String LIST = "orders-paid";

  @Test
  void zeroPageSizeMeansTheDefault() {
    assertEquals(10, PageRequest.of(0, 10, "", LIST).size());
    assertEquals(3, PageRequest.of(3, 10, "", LIST).size());
  }

  @Test
  void tokenRoundTripsTheCursorWithinItsList() {
    Cursor cursor = new Cursor(Instant.parse("2026-11-22T08:00:00.123456Z"), "pkg-abc");
    String token = PageRequest.first(5, LIST).tokenAfter(cursor);
    assertEquals(Optional.of(cursor), PageRequest.of(5, 10, token, LIST).after());
  }

  @Test
  void tokenOfBeforeTheEpochRoundTrips() {
    Cursor cursor = new Cursor(Instant.parse("1969-12-31T23:59:59.999999Z"), "x");
    assertEquals(Optional.of(cursor), PageRequest.of(1, 1, PageRequest.first(1, LIST).tokenAfter(cursor), LIST).after());
  }

  @Test
  void tokenOfAnotherListOrOtherFiltersIsRefused() {
    String token = PageRequest.first(5, LIST).tokenAfter(new Cursor(Instant.EPOCH, "ord-1"));
    DomainException e = assertThrows(DomainException.class, () -> PageRequest.of(5, 10, token, "orders-cancelled"));
    assertEquals(ErrorCode.PAGE_TOKEN_INVALID, e.code());
    assertEquals("page_token", e.violations().get(0).field());
  }

  @Test
  void garbageTokenIsPageTokenInvalid() {
    for (String token : List.of("%%%", "bm9jb2xvbg", "OnBrZw", "eDpvcmRlcnMtcGFpZDp5")) {
      DomainException e = assertThrows(DomainException.class, () -> PageRequest.of(1, 10, token, LIST));
      assertEquals(ErrorCode.PAGE_TOKEN_INVALID, e.code());
      assertEquals("page_token", e.violations().get(0).field());
    }
  }

  @Test
  void pageSizeAboveTheMaximumIsBadInput() {
    DomainException e = assertThrows(DomainException.class, () -> PageRequest.of(101, 10, "", LIST));
    assertEquals("page_size", e.violations().get(0).field());
  }

  @Test
  void overfetchedRowSignalsANextPage() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    PageRequest first = PageRequest.first(2, LIST);
    Page<String> page = Page.fromOverfetch(List.of("a", "b", "c"), first, s -> new Cursor(t, s));
    assertEquals(List.of("a", "b"), page.items());
    assertEquals(Optional.of(new Cursor(t, "b")), PageRequest.of(2, 2, page.nextPageToken().orElseThrow(), LIST).after());
    assertEquals(Optional.empty(), Page.fromOverfetch(List.of("a", "b"), first, s -> new Cursor(t, s)).nextPageToken());
  }
}
