package io.resourceplans.domain.notification;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** Internal messages, scoped by account. */
public interface InternalMessageRepository {
  void insert(InternalMessage message);

  Optional<InternalMessage> find(String accountId, String messageId);

  /** Newest first (create time, then message ID, descending). */
  Page<InternalMessage> list(String accountId, boolean unreadOnly, PageRequest page);

  long countUnread(String accountId);

  /** Sets the read time of an unread message; a read one keeps its read time. */
  void markRead(String accountId, String messageId, Instant readTime);
}
