package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.Language;
import io.resourceplans.api.v1.MessageChannel;
import io.resourceplans.api.v1.Notification;
import io.resourceplans.api.v1.NotificationKind;
import io.resourceplans.api.v1.NotificationPreference;
import io.resourceplans.api.v1.NotificationSettings;
import io.resourceplans.api.v1.NotificationStatus;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.ContactSettings;
import io.resourceplans.domain.notification.Delivery;
import io.resourceplans.domain.notification.DeliveryStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Notification settings and the outbox between the API and the domain. */
public final class NotificationMapper {
  private NotificationMapper() {}

  /** The email-off and SMS-off kinds of a list of preferences (kinds not listed keep both). */
  public record Choices(Set<io.resourceplans.domain.notification.NotificationKind> emailOff,
                        Set<io.resourceplans.domain.notification.NotificationKind> smsOff) {}

  public static Choices toDomain(List<NotificationPreference> preferences) {
    Set<io.resourceplans.domain.notification.NotificationKind> seen = EnumSet.noneOf(io.resourceplans.domain.notification.NotificationKind.class);
    Set<io.resourceplans.domain.notification.NotificationKind> emailOff = EnumSet.noneOf(io.resourceplans.domain.notification.NotificationKind.class);
    Set<io.resourceplans.domain.notification.NotificationKind> smsOff = EnumSet.noneOf(io.resourceplans.domain.notification.NotificationKind.class);
    for (int i = 0; i < preferences.size(); i++) {
      NotificationPreference p = preferences.get(i);
      String field = "preferences[" + i + "].kind";
      var kind = toDomain(p.getKind(), field);
      if (!io.resourceplans.domain.notification.NotificationKind.accountChosen().contains(kind)) {
        throw DomainException.invalid(field, "must be QUOTA_ALERT, EXPIRY_REMINDER, SYSTEM or ORDER_PAID");
      }
      if (!seen.add(kind)) {
        throw DomainException.invalid(field, "lists " + p.getKind() + " a second time");
      }
      if (!p.getEmail()) {
        emailOff.add(kind);
      }
      if (!p.getSms()) {
        smsOff.add(kind);
      }
    }
    return new Choices(emailOff, smsOff);
  }

  public static io.resourceplans.domain.notification.NotificationKind toDomain(NotificationKind k, String field) {
    return switch (k) {
      case NOTIFICATION_KIND_QUOTA_ALERT -> io.resourceplans.domain.notification.NotificationKind.QUOTA_ALERT;
      case NOTIFICATION_KIND_EXPIRY_REMINDER -> io.resourceplans.domain.notification.NotificationKind.EXPIRY_REMINDER;
      case NOTIFICATION_KIND_SYSTEM -> io.resourceplans.domain.notification.NotificationKind.SYSTEM;
      case NOTIFICATION_KIND_ORDER_PAID -> io.resourceplans.domain.notification.NotificationKind.ORDER_PAID;
      case NOTIFICATION_KIND_VERIFICATION_CODE -> io.resourceplans.domain.notification.NotificationKind.VERIFICATION_CODE;
      case NOTIFICATION_KIND_UNSPECIFIED, UNRECOGNIZED -> throw DomainException.invalid(field, "must name a kind");
    };
  }

  public static NotificationKind toProto(io.resourceplans.domain.notification.NotificationKind k) {
    return switch (k) {
      case QUOTA_ALERT -> NotificationKind.NOTIFICATION_KIND_QUOTA_ALERT;
      case EXPIRY_REMINDER -> NotificationKind.NOTIFICATION_KIND_EXPIRY_REMINDER;
      case SYSTEM -> NotificationKind.NOTIFICATION_KIND_SYSTEM;
      case ORDER_PAID -> NotificationKind.NOTIFICATION_KIND_ORDER_PAID;
      case VERIFICATION_CODE -> NotificationKind.NOTIFICATION_KIND_VERIFICATION_CODE;
    };
  }

  public static io.resourceplans.domain.notification.Language toDomain(Language l, String field) {
    return switch (l) {
      case LANGUAGE_EN -> io.resourceplans.domain.notification.Language.EN;
      case LANGUAGE_ZH_CN -> io.resourceplans.domain.notification.Language.ZH_CN;
      case LANGUAGE_UNSPECIFIED, UNRECOGNIZED -> throw DomainException.invalid(field, "must name a language");
    };
  }

  public static Language toProto(io.resourceplans.domain.notification.Language l) {
    return switch (l) {
      case EN -> Language.LANGUAGE_EN;
      case ZH_CN -> Language.LANGUAGE_ZH_CN;
    };
  }

  /** Null for UNSPECIFIED ("all"). */
  public static DeliveryStatus toDomain(NotificationStatus s) {
    return switch (s) {
      case NOTIFICATION_STATUS_PENDING -> DeliveryStatus.PENDING;
      case NOTIFICATION_STATUS_DELIVERED -> DeliveryStatus.DELIVERED;
      case NOTIFICATION_STATUS_SKIPPED -> DeliveryStatus.SKIPPED;
      case NOTIFICATION_STATUS_FAILED -> DeliveryStatus.FAILED;
      case NOTIFICATION_STATUS_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  public static NotificationStatus toProto(DeliveryStatus s) {
    return switch (s) {
      case PENDING -> NotificationStatus.NOTIFICATION_STATUS_PENDING;
      case DELIVERED -> NotificationStatus.NOTIFICATION_STATUS_DELIVERED;
      case SKIPPED -> NotificationStatus.NOTIFICATION_STATUS_SKIPPED;
      case FAILED -> NotificationStatus.NOTIFICATION_STATUS_FAILED;
    };
  }

  public static NotificationSettings toProto(ContactSettings s) {
    NotificationSettings.Builder b =
        NotificationSettings.newBuilder()
            .setContactEmail(s.contactEmail())
            .setContactPhone(s.contactPhone())
            .setLanguage(toProto(s.language()));
    for (var kind : io.resourceplans.domain.notification.NotificationKind.values()) {
      if (io.resourceplans.domain.notification.NotificationKind.accountChosen().contains(kind)) {
        b.addPreferences(
            NotificationPreference.newBuilder()
                .setKind(toProto(kind))
                .setEmail(!s.emailOff().contains(kind))
                .setSms(!s.smsOff().contains(kind)));
      }
    }
    if (s.updateTime() != null) {
      b.setUpdateTime(Timestamps.of(s.updateTime()));
    }
    return b.build();
  }

  public static Notification toProto(Delivery d) {
    Notification.Builder b =
        Notification.newBuilder()
            .setNotificationId(d.notificationId())
            .setAccountId(d.accountId())
            .setKind(toProto(d.kind()))
            .setChannel(channel(d.channel()))
            .setRecipient(d.recipient())
            .setSubject(d.subject())
            .setLanguage(toProto(d.language()))
            .setStatus(toProto(d.status()))
            .setAttempts(d.attempts())
            .setLastError(d.lastError() == null ? "" : d.lastError())
            .setCreateTime(Timestamps.of(d.createTime()));
    if (d.status() == DeliveryStatus.PENDING && d.nextAttemptTime() != null) {
      b.setNextAttemptTime(Timestamps.of(d.nextAttemptTime()));
    }
    if (d.finishTime() != null) {
      b.setFinishTime(Timestamps.of(d.finishTime()));
    }
    return b.build();
  }

  public static io.resourceplans.api.v1.NotificationAttempt toProto(io.resourceplans.domain.notification.DeliveryAttempt a) {
    return io.resourceplans.api.v1.NotificationAttempt.newBuilder()
        .setSeq(a.seq())
        .setAttemptTime(Timestamps.of(a.attemptTime()))
        .setOutcome(toProto(a.outcome()))
        .setError(a.error() == null ? "" : a.error())
        .setDispatcher(a.dispatcher())
        .build();
  }

  private static io.resourceplans.api.v1.NotificationAttemptOutcome toProto(
      io.resourceplans.domain.notification.AttemptOutcome o) {
    return switch (o) {
      case DELIVERED -> io.resourceplans.api.v1.NotificationAttemptOutcome.NOTIFICATION_ATTEMPT_OUTCOME_DELIVERED;
      case SKIPPED -> io.resourceplans.api.v1.NotificationAttemptOutcome.NOTIFICATION_ATTEMPT_OUTCOME_SKIPPED;
      case RETRYING -> io.resourceplans.api.v1.NotificationAttemptOutcome.NOTIFICATION_ATTEMPT_OUTCOME_RETRYING;
      case FAILED -> io.resourceplans.api.v1.NotificationAttemptOutcome.NOTIFICATION_ATTEMPT_OUTCOME_FAILED;
    };
  }

  private static MessageChannel channel(Channel c) {
    return switch (c) {
      case EMAIL -> MessageChannel.MESSAGE_CHANNEL_EMAIL;
      case SMS -> MessageChannel.MESSAGE_CHANNEL_SMS;
      case INTERNAL_MESSAGE -> MessageChannel.MESSAGE_CHANNEL_INTERNAL_MESSAGE;
    };
  }
}
