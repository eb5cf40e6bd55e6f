package io.resourceplans.storage.notification;

import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.notification.InternalMessage;
import io.resourceplans.domain.notification.InternalMessageRepository;
import java.time.Instant;
import java.util.Optional;

/** {@link InternalMessageRepository} over {@link InternalMessageDao}. */
public final class JdbiInternalMessageRepository implements InternalMessageRepository {
  private final InternalMessageDao dao;

  public JdbiInternalMessageRepository(InternalMessageDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(InternalMessage message) {
    dao.insert(InternalMessageRow.of(message));
  }

  @Override
  public Optional<InternalMessage> find(String accountId, String messageId) {
    return dao.find(accountId, messageId).map(InternalMessageRow::toDomain);
  }

  @Override
  public Page<InternalMessage> list(String accountId, boolean unreadOnly, PageRequest page) {
    Cursor before = page.after().orElse(null);
    var rows =
        dao.list(
            accountId,
            unreadOnly,
            before == null ? null : before.createTime(),
            before == null ? null : before.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(InternalMessageRow::toDomain).toList(),
        page,
        m -> new Cursor(m.createTime(), m.messageId()));
  }

  @Override
  public long countUnread(String accountId) {
    return dao.countUnread(accountId);
  }

  @Override
  public void markRead(String accountId, String messageId, Instant readTime) {
    dao.markRead(accountId, messageId, readTime);
  }
}
