package io.resourceplans.domain.notification;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;

/** The account's internal messages: any key of the account (main or sub-user) may read them. */
@Singleton
public final class MessageService {
  /** One page of messages and the account's unread total. */
  public record Listing(Page<InternalMessage> page, long unreadCount) {}

  private final Clock clock;

  @Inject
  public MessageService(Clock clock) {
    this.clock = clock;
  }

  public Listing list(Tx tx, Principal caller, boolean unreadOnly, PageRequest page) {
    String accountId = caller.requireAccount();
    return new Listing(
        tx.get(InternalMessageRepository.class).list(accountId, unreadOnly, page), tx.get(InternalMessageRepository.class).countUnread(accountId));
  }

  /** Marks a message read; a read message is returned unchanged (its read time is not moved). */
  public InternalMessage markRead(Tx tx, Principal caller, String messageId) {
    String accountId = caller.requireAccount();
    InternalMessage message = find(tx, accountId, messageId);
    if (message.read()) {
      return message;
    }
    tx.get(InternalMessageRepository.class).markRead(accountId, messageId, Times.now(clock));
    return find(tx, accountId, messageId);
  }

  private static InternalMessage find(Tx tx, String accountId, String messageId) {
    return tx.get(InternalMessageRepository.class).find(accountId, messageId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.MESSAGE_NOT_FOUND, "message", messageId));
  }
}
