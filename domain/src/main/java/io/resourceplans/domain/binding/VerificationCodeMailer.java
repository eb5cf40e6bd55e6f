package io.resourceplans.domain.binding;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.notification.NotificationKind;
import io.resourceplans.domain.notification.Notifier;
import io.resourceplans.domain.tx.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Queues the email carrying a verification code, in the transaction that stores the code's hash:
 * one notification-outbox row (kind VERIFICATION_CODE, channel EMAIL) for the cloud account whose
 * flow asked for it, from the verification-code template in that account's language, delivered by
 * the notification dispatcher (which wipes the body once it is finished). The only place that
 * writes such a mail.
 */
@Singleton
public final class VerificationCodeMailer {
  private final Notifier notifier;

  @Inject
  public VerificationCodeMailer(Notifier notifier) {
    this.notifier = notifier;
  }

  public void queue(
      Tx tx,
      String cloudAccountId,
      String email,
      CodePurpose purpose,
      String code,
      String codeId,
      Duration validity,
      Instant now) {
    long minutes = Math.max(1, validity.toMinutes());
    notifier.queueEmail(
        tx,
        cloudAccountId,
        email,
        Notifier.settings(tx, cloudAccountId).language(),
        NotificationKind.VERIFICATION_CODE,
        Map.of("code", code, "codePurpose", purpose.name(), "validMinutes", Long.toString(minutes)),
        "verification-code:" + codeId,
        now);
  }
}
