package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.AlertSetting;
import io.resourceplans.api.v1.AlertState;
import io.resourceplans.api.v1.InternalMessage;
import io.resourceplans.api.v1.InternalMessageKind;
import io.resourceplans.api.v1.MessageChannel;
import io.resourceplans.domain.alert.AlertSettingView;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.NotificationKind;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Alert settings, channels and internal messages between the domain and the API. */
public final class AlertMapper {
  private AlertMapper() {}

  public static AlertSetting toProto(AlertSettingView v) {
    AlertSetting.Builder b =
        AlertSetting.newBuilder()
            .setProductId(v.productId())
            .setPurpose(PurposeMapper.toProto(v.purpose()))
            .setState(toProto(v.state()))
            .setThreshold(v.threshold())
            .addAllChannels(v.channels().stream().sorted().map(AlertMapper::toProto).toList())
            .setRemainingQuantity(v.remaining());
    if (v.lastAlertTime() != null) {
      b.setLastAlertTime(Timestamps.of(v.lastAlertTime()));
    }
    if (v.updateTime() != null) {
      b.setUpdateTime(Timestamps.of(v.updateTime()));
    }
    return b.build();
  }

  public static InternalMessage toProto(io.resourceplans.domain.notification.InternalMessage m) {
    InternalMessage.Builder b =
        InternalMessage.newBuilder()
            .setMessageId(m.messageId())
            .setKind(toProto(m.kind()))
            .setTitle(m.title())
            .setBody(m.body())
            .setProductId(m.productId())
            .setPackageId(m.packageId())
            .setCreateTime(Timestamps.of(m.createTime()));
    if (m.readTime() != null) {
      b.setReadTime(Timestamps.of(m.readTime()));
    }
    return b.build();
  }

  /** Protovalidate refuses UNSPECIFIED and duplicates; this guards the rest. */
  public static Set<Channel> toDomain(Collection<MessageChannel> channels, String field) {
    Set<Channel> out = EnumSet.noneOf(Channel.class);
    for (MessageChannel c : channels) {
      out.add(
          switch (c) {
            case MESSAGE_CHANNEL_EMAIL -> Channel.EMAIL;
            case MESSAGE_CHANNEL_SMS -> Channel.SMS;
            case MESSAGE_CHANNEL_INTERNAL_MESSAGE -> Channel.INTERNAL_MESSAGE;
            case MESSAGE_CHANNEL_UNSPECIFIED, UNRECOGNIZED -> throw DomainException.invalid(field, "must name channels");
          });
    }
    return out;
  }

  static MessageChannel toProto(Channel c) {
    return switch (c) {
      case EMAIL -> MessageChannel.MESSAGE_CHANNEL_EMAIL;
      case SMS -> MessageChannel.MESSAGE_CHANNEL_SMS;
      case INTERNAL_MESSAGE -> MessageChannel.MESSAGE_CHANNEL_INTERNAL_MESSAGE;
    };
  }

  static AlertState toProto(io.resourceplans.domain.alert.AlertState s) {
    return switch (s) {
      case NOT_SET -> AlertState.ALERT_STATE_NOT_SET;
      case ARMED -> AlertState.ALERT_STATE_ARMED;
      case TRIGGERED -> AlertState.ALERT_STATE_TRIGGERED;
    };
  }

  static InternalMessageKind toProto(NotificationKind k) {
    return switch (k) {
      case QUOTA_ALERT -> InternalMessageKind.INTERNAL_MESSAGE_KIND_QUOTA_ALERT;
      case EXPIRY_REMINDER -> InternalMessageKind.INTERNAL_MESSAGE_KIND_EXPIRY_REMINDER;
      case SYSTEM -> InternalMessageKind.INTERNAL_MESSAGE_KIND_SYSTEM;
      case ORDER_PAID -> InternalMessageKind.INTERNAL_MESSAGE_KIND_ORDER_PAID;
      // Verification codes are never stored as internal messages.
      case VERIFICATION_CODE -> InternalMessageKind.INTERNAL_MESSAGE_KIND_SYSTEM;
    };
  }
}
