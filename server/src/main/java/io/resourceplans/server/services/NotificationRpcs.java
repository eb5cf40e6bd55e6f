package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.emptyToNull;
import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.GetNotificationSettingsRequest;
import io.resourceplans.api.v1.GetNotificationSettingsResponse;
import io.resourceplans.api.v1.ListNotificationsRequest;
import io.resourceplans.api.v1.ListNotificationsResponse;
import io.resourceplans.api.v1.UpdateNotificationSettingsRequest;
import io.resourceplans.api.v1.UpdateNotificationSettingsResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.notification.NotificationLog;
import io.resourceplans.domain.notification.NotificationSettingsService;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.NotificationMapper;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers for contacts and notification settings, and the operators' notification list. */
@Singleton
public final class NotificationRpcs {
  private static final int DEFAULT_NOTIFICATION_PAGE_SIZE = 50;

  private final CallRunner calls;
  private final NotificationSettingsService settings;
  private final NotificationLog log;

  @Inject
  NotificationRpcs(
      CallRunner calls, NotificationSettingsService settings, NotificationLog log) {
    this.calls = calls;
    this.settings = settings;
    this.log = log;
  }

  public void getNotificationSettings(
      GetNotificationSettingsRequest request, StreamObserver<GetNotificationSettingsResponse> out) {
    Principal caller = CallPrincipal.current();
    var view = calls.read(tx -> settings.get(tx, caller));
    reply(out, GetNotificationSettingsResponse.newBuilder().setNotificationSettings(NotificationMapper.toProto(view)).build());
  }

  public void updateNotificationSettings(
      UpdateNotificationSettingsRequest request, StreamObserver<UpdateNotificationSettingsResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    var language = NotificationMapper.toDomain(request.getLanguage(), "language");
    var choices = NotificationMapper.toDomain(request.getPreferencesList());
    reply(
        out,
        calls.once(
            caller,
            request,
            UpdateNotificationSettingsResponse.parser(),
            tx ->
                UpdateNotificationSettingsResponse.newBuilder()
                    .setNotificationSettings(
                        NotificationMapper.toProto(
                            settings.update(
                                tx, caller, request.getContactEmail(), request.getContactPhone(), language,
                                choices.emailOff(), choices.smsOff())))
                    .build()));
  }

  public void retryNotification(
      io.resourceplans.api.v1.RetryNotificationRequest request,
      StreamObserver<io.resourceplans.api.v1.RetryNotificationResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    reply(
        out,
        calls.once(
            caller,
            request,
            io.resourceplans.api.v1.RetryNotificationResponse.parser(),
            tx ->
                io.resourceplans.api.v1.RetryNotificationResponse.newBuilder()
                    .setNotification(
                        NotificationMapper.toProto(
                            log.retry(tx, caller, request.getAccountId(), request.getNotificationId())))
                    .build()));
  }

  public void listNotificationAttempts(
      io.resourceplans.api.v1.ListNotificationAttemptsRequest request,
      StreamObserver<io.resourceplans.api.v1.ListNotificationAttemptsResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var attempts = calls.read(tx -> log.attempts(tx, caller, request.getAccountId(), request.getNotificationId()));
    reply(
        out,
        io.resourceplans.api.v1.ListNotificationAttemptsResponse.newBuilder()
            .addAllAttempts(attempts.stream().map(NotificationMapper::toProto).toList())
            .build());
  }

  public void listNotifications(ListNotificationsRequest request, StreamObserver<ListNotificationsResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    PageRequest page = Pages.of(request, DEFAULT_NOTIFICATION_PAGE_SIZE);
    var status = NotificationMapper.toDomain(request.getStatus());
    var result = calls.read(tx -> log.list(tx, caller, emptyToNull(request.getAccountId()), status, page));
    reply(
        out,
        ListNotificationsResponse.newBuilder()
            .addAllNotifications(result.items().stream().map(NotificationMapper::toProto).toList())
            .setNextPageToken(result.nextPageToken().orElse(""))
            .build());
  }
}
