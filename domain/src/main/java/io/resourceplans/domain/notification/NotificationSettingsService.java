package io.resourceplans.domain.notification;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.ContactRules;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.Violations;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * An account's contacts and notification settings. Any key of the account reads them; only the
 * main key changes them (they decide where the account's notices go).
 */
@Singleton
public final class NotificationSettingsService {
  /** Local part and a dotted domain, no spaces; the proto rule (RFC 5322 subset) is stricter still. */
  /** E.164 with or without the leading '+', as accounts are created with. */

  private final Clock clock;

  @Inject
  public NotificationSettingsService(Clock clock) {
    this.clock = clock;
  }

  public ContactSettings get(Tx tx, Principal caller) {
    String accountId = caller.requireAccount();
    return view(tx, accountId);
  }

  /**
   * Replaces the contacts and the settings whole. {@code contactPhone} empty = none (no SMS);
   * kinds in {@code emailOff} / {@code smsOff} get no email / SMS (VERIFICATION_CODE cannot be
   * listed: codes go to the address they are asked for).
   */
  public ContactSettings update(
      Tx tx,
      Principal caller,
      String contactEmail,
      String contactPhone,
      Language language,
      Set<NotificationKind> emailOff,
      Set<NotificationKind> smsOff) {
    String accountId = caller.requireMainAccount();
    String email = contactEmail == null ? "" : contactEmail.strip();
    String phone = contactPhone == null ? "" : contactPhone.strip();
    Violations violations = new Violations();
    ContactRules.email(violations, email, "contact_email", true);
    ContactRules.phone(violations, phone, "contact_phone");
    violations
        .check(language != null, "language", "is required")
        .check(NotificationKind.accountChosen().containsAll(emailOff), "email_off", "may only list QUOTA_ALERT, EXPIRY_REMINDER, SYSTEM and ORDER_PAID")
        .check(NotificationKind.accountChosen().containsAll(smsOff), "sms_off", "may only list QUOTA_ALERT, EXPIRY_REMINDER, SYSTEM and ORDER_PAID")
        .throwIfAny();
    tx.get(AccountRepository.class).findForUpdate(accountId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId));
    Instant now = Times.now(clock);
    tx.get(AccountRepository.class).updateContacts(accountId, email, phone);
    tx.get(NotificationSettingsRepository.class).upsert(new NotificationSettings(accountId, language, emailOff, smsOff, now));
    return view(tx, accountId);
  }

  private static ContactSettings view(Tx tx, String accountId) {
    Account account =
        tx.get(AccountRepository.class).find(accountId)
            .orElseThrow(() -> DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId));
    NotificationSettings s = Notifier.settings(tx, accountId);
    return new ContactSettings(
        accountId, account.contactEmail(), account.contactPhone(), s.language(), s.emailOff(), s.smsOff(), s.updateTime());
  }
}
