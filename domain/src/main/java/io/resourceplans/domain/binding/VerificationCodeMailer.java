package io.resourceplans.domain.binding;

import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.NotificationKind;
import io.resourceplans.domain.notification.OutboxEntry;
import io.resourceplans.domain.tx.Tx;
import java.time.Duration;
import java.time.Instant;

/**
 * Queues the email carrying a verification code, in the transaction that stores the code's hash:
 * one notification-outbox row (kind VERIFICATION_CODE, channel EMAIL) for the cloud account whose
 * flow asked for it, delivered by the notification dispatcher. The only place that writes such a
 * mail.
 */
public final class VerificationCodeMailer {
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
    String subject = "Your verification code: " + code;
    String body =
        "Your verification code is " + code + ".\n"
            + "Use it to " + purpose.description() + " within " + minutes + " minutes.\n"
            + "If you did not ask for this code, ignore this email; nobody can use it without access to your mailbox.";
    tx.notificationOutbox()
        .insertOnce(
            new OutboxEntry(
                cloudAccountId,
                Ids.newId("ntf"),
                NotificationKind.VERIFICATION_CODE,
                Channel.EMAIL,
                email,
                subject,
                body,
                "",
                "",
                null,
                "verification-code:" + codeId,
                now));
  }
}
