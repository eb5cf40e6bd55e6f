package io.resourceplans.domain.notification;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.account.SubUserRepository;
import java.util.List;

import io.resourceplans.domain.auth.Permission;

import io.resourceplans.domain.account.SubUser;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.tx.Tx;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Queues notifications in the caller's transaction, written out from the templates in the
 * recipient's language: they commit (and are later delivered) with the event that causes them, or
 * not at all. Each row is written at most once per dedupe key, however many transactions try.
 */
@Singleton
public final class Notifier {
  private final Templates templates;
  private final java.time.Clock realClock;

  public Notifier() {
    this(Templates.builtIn());
  }

  public Notifier(Templates templates) {
    this(templates, null);
  }

  /**
   * With the real clock: a notice of a test account dated at its clock's simulated time, later
   * than real time, is still due at once (its rows keep the simulated creation time).
   */
  @Inject
  public Notifier(Templates templates, java.time.Clock realClock) {
    this.templates = templates;
    this.realClock = realClock;
  }

  /** When a row created at {@code now} may be delivered: null = at {@code now}. */
  private Instant dueFrom(Instant now) {
    if (realClock == null) {
      return null;
    }
    Instant real = io.resourceplans.domain.common.Times.now(realClock);
    return now.isAfter(real) ? real : null;
  }

  /**
   * Queues a notice for an account on the chosen channels: one outbox row per channel the account
   * can be reached on (no SMS without a phone, no email without an address) and has not turned off
   * for the kind (see {@link NotificationSettings}), in the account's language; for the
   * internal-message channel the stored message itself too. Returns the rows actually written (0
   * when every channel was already queued or skipped).
   */
  public int queue(Tx tx, Account account, Set<Channel> channels, Notice notice, Instant now) {
    NotificationSettings settings = settings(tx, account.accountId());
    Templates.Rendered text = templates.render(notice.kind(), settings.language(), notice.params());
    int written = 0;
    for (Channel channel : Channel.values()) {
      if (!channels.contains(channel) || !settings.allows(notice.kind(), channel)) {
        continue;
      }
      String recipient = recipient(account, channel);
      if (recipient == null) {
        continue;
      }
      String messageId = channel == Channel.INTERNAL_MESSAGE ? Ids.newId("msg") : null;
      OutboxEntry entry =
          entry(account, channel, recipient, notice, text, settings, messageId,
              notice.dedupePrefix() + ":" + channel.name(), now, dueFrom(now));
      // The outbox row is the claim: only its writer stores the internal message.
      if (!tx.get(NotificationOutbox.class).insertOnce(entry)) {
        continue;
      }
      written++;
      if (messageId != null) {
        tx.get(InternalMessageRepository.class)
            .insert(
                new InternalMessage(
                    account.accountId(), messageId, notice.kind(), text.subject(), text.text(),
                    notice.productId(), notice.packageId(), now, null));
      }
    }
    return written + queueSubUserCopies(tx, account, channels, notice, settings, text, now);
  }

  /**
   * Copies by email and SMS for the sub-users with contacts whose permissions cover the notice
   * (quota alerts and expiry reminders: PRODUCT_ACCESS; paid orders: ORDER_ACCESS), on the same
   * channels, kinds and language as the account's. Internal messages stay one inbox per account.
   */
  private int queueSubUserCopies(
      Tx tx, Account account, Set<Channel> channels, Notice notice, NotificationSettings settings,
      Templates.Rendered text, Instant now) {
    Permission needed = permissionFor(notice.kind());
    if (needed == null) {
      return 0;
    }
    int written = 0;
    for (SubUser subUser : tx.get(SubUserRepository.class).withContacts(account.accountId())) {
      if (!subUser.receives(needed)) {
        continue;
      }
      for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
        String recipient = channel == Channel.EMAIL ? subUser.contactEmail() : subUser.contactPhone();
        if (!channels.contains(channel) || !settings.allows(notice.kind(), channel) || recipient.isBlank()) {
          continue;
        }
        OutboxEntry entry =
            entry(account, channel, recipient, notice, text, settings, null,
                notice.dedupePrefix() + ":" + channel.name() + ":" + subUser.subUserId(), now, dueFrom(now));
        if (tx.get(NotificationOutbox.class).insertOnce(entry)) {
          written++;
        }
      }
    }
    return written;
  }

  /** The outbox row of a notice on one channel to one recipient: SMS text, or email text + HTML. */
  private static OutboxEntry entry(
      Account account, Channel channel, String recipient, Notice notice, Templates.Rendered text,
      NotificationSettings settings, String messageId, String dedupeKey, Instant now, Instant dueFrom) {
    return new OutboxEntry(
        account.accountId(),
        Ids.newId("ntf"),
        notice.kind(),
        channel,
        recipient,
        text.subject(),
        channel == Channel.SMS ? text.sms() : text.text(),
        notice.productId(),
        notice.packageId(),
        messageId,
        dedupeKey,
        now,
        settings.language(),
        channel == Channel.EMAIL ? text.html() : null,
        dueFrom);
  }

  /** The permission that makes a sub-user concerned by a kind; null: the account only. */
  static Permission permissionFor(NotificationKind kind) {
    return switch (kind) {
      case QUOTA_ALERT, EXPIRY_REMINDER -> Permission.PRODUCT_ACCESS;
      case ORDER_PAID -> Permission.ORDER_ACCESS;
      case SYSTEM, VERIFICATION_CODE -> null;
    };
  }

  /**
   * Queues one email to an explicit address (not necessarily the account's contact), e.g. a
   * verification code, in the caller's transaction. {@code accountId} is the account on whose
   * behalf it goes out (it must exist); {@code kind} picks the template, {@code params} fill it
   * (VERIFICATION_CODE: {@code code}, {@code codePurpose} = REGISTER / BIND_BILLING_ACCOUNT /
   * CREATE_WORKSPACE, {@code validMinutes}). The row is written once per account and
   * {@code dedupeKey}: true when this call wrote it, false when the key was already queued.
   *
   * @throws IllegalArgumentException when the address is blank or a template parameter is missing
   */
  public boolean queueEmail(
      Tx tx,
      String accountId,
      String email,
      Language language,
      NotificationKind kind,
      Map<String, String> params,
      String dedupeKey,
      Instant now) {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("an email address is required");
    }
    Templates.Rendered text = templates.render(kind, language, params);
    return tx.get(NotificationOutbox.class)
        .insertOnce(
            new OutboxEntry(
                accountId, Ids.newId("ntf"), kind, Channel.EMAIL, email.strip(), text.subject(), text.text(),
                "", "", null, dedupeKey, now, language, text.html(), null));
  }

  /** The account's settings, or the defaults when it never chose. */
  public static NotificationSettings settings(Tx tx, String accountId) {
    return tx.get(NotificationSettingsRepository.class).find(accountId).orElseGet(() -> NotificationSettings.defaults(accountId));
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
