package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.emptyToNull;
import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.ClearAlertThresholdRequest;
import io.resourceplans.api.v1.ClearAlertThresholdResponse;
import io.resourceplans.api.v1.ListAlertSettingsRequest;
import io.resourceplans.api.v1.ListAlertSettingsResponse;
import io.resourceplans.api.v1.ListMessagesRequest;
import io.resourceplans.api.v1.ListMessagesResponse;
import io.resourceplans.api.v1.MarkMessageReadRequest;
import io.resourceplans.api.v1.MarkMessageReadResponse;
import io.resourceplans.api.v1.SetAlertThresholdRequest;
import io.resourceplans.api.v1.SetAlertThresholdResponse;
import io.resourceplans.domain.alert.AlertService;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.notification.MessageService;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.AlertMapper;
import io.resourceplans.server.mapping.PurposeMapper;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers for remaining-quota alert settings and internal messages. */
@Singleton
public final class AlertRpcs {
  private static final int DEFAULT_ALERT_PAGE_SIZE = 30;
  private static final int DEFAULT_MESSAGE_PAGE_SIZE = 20;

  private final CallRunner calls;
  private final AlertService alerts;
  private final MessageService messages;

  @Inject
  AlertRpcs(CallRunner calls, AlertService alerts, MessageService messages) {
    this.calls = calls;
    this.alerts = alerts;
    this.messages = messages;
  }

  public void setAlertThreshold(SetAlertThresholdRequest request, StreamObserver<SetAlertThresholdResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requirePermissions(Permission.PRODUCT_ACCESS);
    var purpose = PurposeMapper.toDomain(request.getPurpose(), "purpose");
    var channels = AlertMapper.toDomain(request.getChannelsList(), "channels");
    reply(
        out,
        calls.once(
            caller,
            request,
            SetAlertThresholdResponse.parser(),
            tx ->
                SetAlertThresholdResponse.newBuilder()
                    .setAlertSetting(
                        AlertMapper.toProto(
                            alerts.set(tx, caller, request.getProductId(), purpose, request.getThreshold(), channels)))
                    .build()));
  }

  public void clearAlertThreshold(ClearAlertThresholdRequest request, StreamObserver<ClearAlertThresholdResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requirePermissions(Permission.PRODUCT_ACCESS);
    var purpose = PurposeMapper.toDomain(request.getPurpose(), "purpose");
    reply(
        out,
        calls.once(
            caller,
            request,
            ClearAlertThresholdResponse.parser(),
            tx ->
                ClearAlertThresholdResponse.newBuilder()
                    .setAlertSetting(AlertMapper.toProto(alerts.clear(tx, caller, request.getProductId(), purpose)))
                    .build()));
  }

  public void listAlertSettings(ListAlertSettingsRequest request, StreamObserver<ListAlertSettingsResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requirePermissions(Permission.PRODUCT_ACCESS);
    PageRequest page = Pages.of(request, DEFAULT_ALERT_PAGE_SIZE);
    var result = calls.read(tx -> alerts.list(tx, caller, emptyToNull(request.getProductId()), page));
    reply(
        out,
        ListAlertSettingsResponse.newBuilder()
            .addAllAlertSettings(result.items().stream().map(AlertMapper::toProto).toList())
            .setNextPageToken(result.nextPageToken().orElse(""))
            .build());
  }

  public void listMessages(ListMessagesRequest request, StreamObserver<ListMessagesResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireAccount();
    PageRequest page = Pages.of(request, DEFAULT_MESSAGE_PAGE_SIZE);
    var result = calls.read(tx -> messages.list(tx, caller, request.getUnreadOnly(), page));
    reply(
        out,
        ListMessagesResponse.newBuilder()
            .addAllMessages(result.page().items().stream().map(AlertMapper::toProto).toList())
            .setNextPageToken(result.page().nextPageToken().orElse(""))
            .setUnreadCount(result.unreadCount())
            .build());
  }

  public void markMessageRead(MarkMessageReadRequest request, StreamObserver<MarkMessageReadResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireAccount();
    reply(
        out,
        calls.once(
            caller,
            request,
            MarkMessageReadResponse.parser(),
            tx ->
                MarkMessageReadResponse.newBuilder()
                    .setMessage(AlertMapper.toProto(messages.markRead(tx, caller, request.getMessageId())))
                    .build()));
  }
}
