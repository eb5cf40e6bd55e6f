package io.resourceplans.domain.notification;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.tx.Tx;
import java.time.Instant;
import java.util.Set;

/**
 * Queues a notice on the chosen channels in the caller's transaction: one outbox row per channel
 * the account can be reached on (no SMS without a phone, no email without an address), and for
 * the internal-message channel the stored message itself. Each channel is written at most once per
 * dedupe key, however many transactions try.
 */
public final class Notifier {
  /** Rows actually written to the outbox (0 when every channel was already queued or skipped). */
  public int queue(Tx tx, Account account, Set<Channel> channels, Notice notice, Instant now) {
    int written = 0;
    for (Channel channel : Channel.values()) {
      if (!channels.contains(channel)) {
        continue;
      }
      String recipient = recipient(account, channel);
      if (recipient == null) {
        continue;
      }
      String messageId = channel == Channel.INTERNAL_MESSAGE ? Ids.newId("msg") : null;
      OutboxEntry entry =
          new OutboxEntry(
              account.accountId(),
              Ids.newId("ntf"),
              notice.kind(),
              channel,
              recipient,
              notice.title(),
              notice.body(),
              notice.productId(),
              notice.packageId(),
              messageId,
              notice.dedupePrefix() + ":" + channel.name(),
              now);
      // The outbox row is the claim: only its writer stores the internal message.
      if (!tx.notificationOutbox().insertOnce(entry)) {
        continue;
      }
      written++;
      if (messageId != null) {
        tx.internalMessages()
            .insert(
                new InternalMessage(
                    account.accountId(), messageId, notice.kind(), notice.title(), notice.body(),
                    notice.productId(), notice.packageId(), now, null));
      }
    }
    return written;
  }

  /** Null when the account cannot be reached on the channel. */
  private static String recipient(Account account, Channel channel) {
    return switch (channel) {
      case EMAIL -> blankToNull(account.contactEmail());
      case SMS -> blankToNull(account.contactPhone());
      case INTERNAL_MESSAGE -> "";
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
