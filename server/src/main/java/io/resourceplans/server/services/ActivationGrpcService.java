package io.resourceplans.server.services;


import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.ActivatePayAsYouGoRequest;
import io.resourceplans.api.v1.ActivatePayAsYouGoResponse;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateApiKeyResponse;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.CreateSubUserResponse;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetAccountResponse;
import io.resourceplans.api.v1.GetActivationStatusRequest;
import io.resourceplans.api.v1.GetActivationStatusResponse;
import io.resourceplans.api.v1.GetIdentityVerificationRequest;
import io.resourceplans.api.v1.GetIdentityVerificationResponse;
import io.resourceplans.api.v1.GetSubUserRequest;
import io.resourceplans.api.v1.GetSubUserResponse;
import io.resourceplans.api.v1.ListActivationsRequest;
import io.resourceplans.api.v1.ListActivationsResponse;
import io.resourceplans.api.v1.ListApiKeysRequest;
import io.resourceplans.api.v1.ListApiKeysResponse;
import io.resourceplans.api.v1.ListRegionsRequest;
import io.resourceplans.api.v1.ListRegionsResponse;
import io.resourceplans.api.v1.ListSubUsersRequest;
import io.resourceplans.api.v1.ListSubUsersResponse;
import io.resourceplans.api.v1.RevokeApiKeyRequest;
import io.resourceplans.api.v1.RevokeApiKeyResponse;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationResponse;
import io.resourceplans.api.v1.UpdateDefaultRegionRequest;
import io.resourceplans.api.v1.UpdateDefaultRegionResponse;
import io.resourceplans.api.v1.UpdateSubUserPermissionsRequest;
import io.resourceplans.api.v1.UpdateSubUserPermissionsResponse;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * ActivationService: the account, its sub-users and API keys here; identity, regions and
 * pay-as-you-go activation in {@link AccessRpcs}; marketplace instances and login tickets in
 * {@link MarketplaceRpcs}.
 */
@Singleton
public final class ActivationGrpcService extends ActivationServiceGrpc.ActivationServiceImplBase {
  private final AccountRpcs accountRpcs;
  private final AccessRpcs accessRpcs;
  private final MarketplaceRpcs marketplaceRpcs;
  private final NotificationRpcs notificationRpcs;
  private final WebhookRpcs webhookRpcs;
  private final EventStreamRpcs eventStreamRpcs;

  @Inject
  ActivationGrpcService(
      AccountRpcs accountRpcs,
      AccessRpcs accessRpcs,
      MarketplaceRpcs marketplaceRpcs,
      NotificationRpcs notificationRpcs,
      WebhookRpcs webhookRpcs,
      EventStreamRpcs eventStreamRpcs) {
    this.webhookRpcs = webhookRpcs;
    this.eventStreamRpcs = eventStreamRpcs;
    this.accountRpcs = accountRpcs;
    this.accessRpcs = accessRpcs;
    this.marketplaceRpcs = marketplaceRpcs;
    this.notificationRpcs = notificationRpcs;
  }

  @Override
  public void getAccount(GetAccountRequest request, StreamObserver<GetAccountResponse> out) {
    accountRpcs.getAccount(request, out);
  }

  @Override
  public void createSubUser(CreateSubUserRequest request, StreamObserver<CreateSubUserResponse> out) {
    accountRpcs.createSubUser(request, out);
  }

  @Override
  public void getSubUser(GetSubUserRequest request, StreamObserver<GetSubUserResponse> out) {
    accountRpcs.getSubUser(request, out);
  }

  @Override
  public void listSubUsers(ListSubUsersRequest request, StreamObserver<ListSubUsersResponse> out) {
    accountRpcs.listSubUsers(request, out);
  }

  @Override
  public void updateSubUserPermissions(
      UpdateSubUserPermissionsRequest request, StreamObserver<UpdateSubUserPermissionsResponse> out) {
    accountRpcs.updateSubUserPermissions(request, out);
  }

  @Override
  public void updateSubUserContacts(
      io.resourceplans.api.v1.UpdateSubUserContactsRequest request,
      StreamObserver<io.resourceplans.api.v1.UpdateSubUserContactsResponse> out) {
    accountRpcs.updateSubUserContacts(request, out);
  }

  @Override
  public void createApiKey(CreateApiKeyRequest request, StreamObserver<CreateApiKeyResponse> out) {
    accountRpcs.createApiKey(request, out);
  }

  @Override
  public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> out) {
    accountRpcs.listApiKeys(request, out);
  }

  @Override
  public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<RevokeApiKeyResponse> out) {
    accountRpcs.revokeApiKey(request, out);
  }

  @Override
  public void submitIdentityVerification(SubmitIdentityVerificationRequest request, StreamObserver<SubmitIdentityVerificationResponse> out) {
    accessRpcs.submitIdentityVerification(request, out);
  }

  @Override
  public void getIdentityVerification(GetIdentityVerificationRequest request, StreamObserver<GetIdentityVerificationResponse> out) {
    accessRpcs.getIdentityVerification(request, out);
  }

  @Override
  public void listRegions(ListRegionsRequest request, StreamObserver<ListRegionsResponse> out) {
    accessRpcs.listRegions(request, out);
  }

  @Override
  public void updateDefaultRegion(UpdateDefaultRegionRequest request, StreamObserver<UpdateDefaultRegionResponse> out) {
    accessRpcs.updateDefaultRegion(request, out);
  }

  @Override
  public void activatePayAsYouGo(ActivatePayAsYouGoRequest request, StreamObserver<ActivatePayAsYouGoResponse> out) {
    accessRpcs.activatePayAsYouGo(request, out);
  }

  @Override
  public void getActivationStatus(GetActivationStatusRequest request, StreamObserver<GetActivationStatusResponse> out) {
    accessRpcs.getActivationStatus(request, out);
  }

  @Override
  public void listActivations(ListActivationsRequest request, StreamObserver<ListActivationsResponse> out) {
    accessRpcs.listActivations(request, out);
  }

  @Override
  public void activateMarketplacePlan(
      io.resourceplans.api.v1.ActivateMarketplacePlanRequest request,
      StreamObserver<io.resourceplans.api.v1.ActivateMarketplacePlanResponse> out) {
    marketplaceRpcs.activateMarketplacePlan(request, out);
  }

  @Override
  public void listMarketplaceInstances(
      io.resourceplans.api.v1.ListMarketplaceInstancesRequest request,
      StreamObserver<io.resourceplans.api.v1.ListMarketplaceInstancesResponse> out) {
    marketplaceRpcs.listMarketplaceInstances(request, out);
  }

  @Override
  public void getMarketplaceInstance(
      io.resourceplans.api.v1.GetMarketplaceInstanceRequest request,
      StreamObserver<io.resourceplans.api.v1.GetMarketplaceInstanceResponse> out) {
    marketplaceRpcs.getMarketplaceInstance(request, out);
  }

  @Override
  public void issueLoginTicket(
      io.resourceplans.api.v1.IssueLoginTicketRequest request,
      StreamObserver<io.resourceplans.api.v1.IssueLoginTicketResponse> out) {
    marketplaceRpcs.issueLoginTicket(request, out);
  }

  @Override
  public void getNotificationSettings(
      io.resourceplans.api.v1.GetNotificationSettingsRequest request,
      StreamObserver<io.resourceplans.api.v1.GetNotificationSettingsResponse> out) {
    notificationRpcs.getNotificationSettings(request, out);
  }

  @Override
  public void updateNotificationSettings(
      io.resourceplans.api.v1.UpdateNotificationSettingsRequest request,
      StreamObserver<io.resourceplans.api.v1.UpdateNotificationSettingsResponse> out) {
    notificationRpcs.updateNotificationSettings(request, out);
  }

  @Override
  public void createWebhookEndpoint(
      io.resourceplans.api.v1.CreateWebhookEndpointRequest request,
      StreamObserver<io.resourceplans.api.v1.CreateWebhookEndpointResponse> out) {
    webhookRpcs.createWebhookEndpoint(request, out);
  }

  @Override
  public void getWebhookEndpoint(
      io.resourceplans.api.v1.GetWebhookEndpointRequest request,
      StreamObserver<io.resourceplans.api.v1.GetWebhookEndpointResponse> out) {
    webhookRpcs.getWebhookEndpoint(request, out);
  }

  @Override
  public void listWebhookEndpoints(
      io.resourceplans.api.v1.ListWebhookEndpointsRequest request,
      StreamObserver<io.resourceplans.api.v1.ListWebhookEndpointsResponse> out) {
    webhookRpcs.listWebhookEndpoints(request, out);
  }

  @Override
  public void deleteWebhookEndpoint(
      io.resourceplans.api.v1.DeleteWebhookEndpointRequest request,
      StreamObserver<io.resourceplans.api.v1.DeleteWebhookEndpointResponse> out) {
    webhookRpcs.deleteWebhookEndpoint(request, out);
  }

  @Override
  public void rotateWebhookSecret(
      io.resourceplans.api.v1.RotateWebhookSecretRequest request,
      StreamObserver<io.resourceplans.api.v1.RotateWebhookSecretResponse> out) {
    webhookRpcs.rotateWebhookSecret(request, out);
  }

  @Override
  public void listWebhookDeliveries(
      io.resourceplans.api.v1.ListWebhookDeliveriesRequest request,
      StreamObserver<io.resourceplans.api.v1.ListWebhookDeliveriesResponse> out) {
    webhookRpcs.listWebhookDeliveries(request, out);
  }

  @Override
  public void retryWebhookDelivery(
      io.resourceplans.api.v1.RetryWebhookDeliveryRequest request,
      StreamObserver<io.resourceplans.api.v1.RetryWebhookDeliveryResponse> out) {
    webhookRpcs.retryWebhookDelivery(request, out);
  }

  @Override
  public void watchAccountEvents(
      io.resourceplans.api.v1.WatchAccountEventsRequest request,
      StreamObserver<io.resourceplans.api.v1.WatchAccountEventsResponse> out) {
    eventStreamRpcs.watchAccountEvents(request, out);
  }
}
