package io.resourceplans.domain.identity;

import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Page tokens of the operator's submission list carry the filters they were issued for, so a token
 * used with other filters is refused. Looking the token's row up instead would not do: reviewing
 * a submission moves it out of the state it was listed under, while the operator pages on.
 * The cursor ID is {@code <submission id>|<state>|<account id or empty>}.
 */
final class ReviewQueueCursor {
  private final String filters;

  ReviewQueueCursor(IdentityState state, String accountId) {
    this.filters = "|" + state.name() + "|" + (accountId == null ? "" : accountId);
  }

  /** The request with the submission ID alone as cursor, as the repository pages by it. */
  PageRequest unwrap(PageRequest page) {
    if (page.after().isEmpty()) {
      return page;
    }
    Cursor after = page.after().get();
    if (!after.id().endsWith(filters) || after.id().length() == filters.length()) {
      throw new DomainException(
          ErrorCode.PAGE_TOKEN_INVALID,
          "page_token was issued for another list or other filters",
          Map.of(),
          List.of(new FieldViolation("page_token", "was issued for another list or other filters")));
    }
    String id = after.id().substring(0, after.id().length() - filters.length());
    return new PageRequest(page.size(), Optional.of(new Cursor(after.createTime(), id)));
  }

  /** The page with a next token that names these filters. */
  Page<IdentityVerification> wrap(Page<IdentityVerification> page) {
    if (page.nextPageToken().isEmpty()) {
      return page;
    }
    IdentityVerification last = page.items().get(page.items().size() - 1);
    Cursor next = new Cursor(last.submitTime(), last.identityVerificationId() + filters);
    return new Page<>(page.items(), Optional.of(PageRequest.encode(next)));
  }
}
