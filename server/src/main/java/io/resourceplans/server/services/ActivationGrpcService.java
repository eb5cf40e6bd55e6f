package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.emptyToNull;
import static io.resourceplans.server.services.Replies.reply;

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
import io.resourceplans.domain.account.AccountService;
import io.resourceplans.domain.account.IssuedApiKey;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.idempotency.IdempotentCalls;
import io.resourceplans.server.mapping.AccountMapper;
import io.resourceplans.domain.auth.Authenticator;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * ActivationService: the account, its sub-users and API keys here; identity, regions and
 * pay-as-you-go activation in {@link AccessRpcs}; marketplace instances and login tickets in
 * {@link MarketplaceRpcs}.
 */
@Singleton
public final class ActivationGrpcService extends ActivationServiceGrpc.ActivationServiceImplBase {
  static final int DEFAULT_PAGE_SIZE = 20;

  private final AccountService accounts;
  private final Transactor transactor;
  private final IdempotentCalls idempotent;
  private final AccessRpcs accessRpcs;
  private final Authenticator authenticator;
  private final MarketplaceRpcs marketplaceRpcs;
  private final NotificationRpcs notificationRpcs;

  @Inject
  ActivationGrpcService(
      AccountService accounts,
      Transactor transactor,
      IdempotentCalls idempotent,
      AccessRpcs accessRpcs,
      Authenticator authenticator,
      MarketplaceRpcs marketplaceRpcs,
      NotificationRpcs notificationRpcs) {
    this.accounts = accounts;
    this.transactor = transactor;
    this.idempotent = idempotent;
    this.accessRpcs = accessRpcs;
    this.authenticator = authenticator;
    this.marketplaceRpcs = marketplaceRpcs;
    this.notificationRpcs = notificationRpcs;
  }

  @Override
  public void getAccount(GetAccountRequest request, StreamObserver<GetAccountResponse> out) {
    Principal caller = CallPrincipal.current();
    var account =
        transactor.readOnly(tx -> accounts.getAccount(tx, caller, request.getAccountId()));
    reply(out, GetAccountResponse.newBuilder().setAccount(AccountMapper.toProto(account)).build());
  }

  @Override
  public void createSubUser(CreateSubUserRequest request, StreamObserver<CreateSubUserResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    var permissions = AccountMapper.toDomain(request.getPermissionsList());
    reply(
        out,
        idempotent.run(
            caller,
            request,
            CreateSubUserResponse.parser(),
            tx ->
                CreateSubUserResponse.newBuilder()
                    .setSubUser(
                        AccountMapper.toProto(
                            accounts.createSubUser(tx, caller, request.getDisplayName(), permissions)))
                    .build()));
  }

  @Override
  public void getSubUser(GetSubUserRequest request, StreamObserver<GetSubUserResponse> out) {
    Principal caller = CallPrincipal.current();
    var subUser = transactor.readOnly(tx -> accounts.getSubUser(tx, caller, request.getSubUserId()));
    reply(out, GetSubUserResponse.newBuilder().setSubUser(AccountMapper.toProto(subUser)).build());
  }

  @Override
  public void listSubUsers(ListSubUsersRequest request, StreamObserver<ListSubUsersResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest pageRequest =
        Pages.of(request, DEFAULT_PAGE_SIZE);
    var page = transactor.readOnly(tx -> accounts.listSubUsers(tx, caller, pageRequest));
    reply(
        out,
        ListSubUsersResponse.newBuilder()
            .addAllSubUsers(page.items().stream().map(AccountMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  @Override
  public void updateSubUserPermissions(
      UpdateSubUserPermissionsRequest request, StreamObserver<UpdateSubUserPermissionsResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    var permissions = AccountMapper.toDomain(request.getPermissionsList());
    var response =
        idempotent.run(
            caller,
            request,
            UpdateSubUserPermissionsResponse.parser(),
            tx ->
                UpdateSubUserPermissionsResponse.newBuilder()
                    .setSubUser(
                        AccountMapper.toProto(
                            accounts.updateSubUserPermissions(
                                tx, caller, request.getSubUserId(), permissions)))
                    .build());
    // Committed: this replica's cached principals of the account must not keep the old permissions.
    authenticator.credentialsChanged(caller.accountId());
    reply(out, response);
  }

  @Override
  public void updateSubUserContacts(
      io.resourceplans.api.v1.UpdateSubUserContactsRequest request,
      StreamObserver<io.resourceplans.api.v1.UpdateSubUserContactsResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    reply(
        out,
        idempotent.run(
            caller,
            request,
            io.resourceplans.api.v1.UpdateSubUserContactsResponse.parser(),
            tx ->
                io.resourceplans.api.v1.UpdateSubUserContactsResponse.newBuilder()
                    .setSubUser(
                        AccountMapper.toProto(
                            accounts.updateSubUserContacts(
                                tx, caller, request.getSubUserId(), request.getContactEmail(),
                                request.getContactPhone())))
                    .build()));
  }

  @Override
  public void createApiKey(CreateApiKeyRequest request, StreamObserver<CreateApiKeyResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    reply(
        out,
        idempotent.run(
            caller,
            request,
            CreateApiKeyResponse.parser(),
            // The secret is shown once: a retry gets the key's facts without it.
            response -> response.toBuilder().clearSecret().build(),
            tx -> {
              IssuedApiKey issued =
                  accounts.createApiKey(
                      tx, caller, emptyToNull(request.getSubUserId()), request.getDisplayName());
              return CreateApiKeyResponse.newBuilder()
                  .setApiKey(AccountMapper.toProto(issued.key()))
                  .setSecret(issued.secret())
                  .build();
            }));
  }

  @Override
  public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest pageRequest =
        Pages.of(request, DEFAULT_PAGE_SIZE);
    var page =
        transactor.readOnly(
            tx -> accounts.listApiKeys(tx, caller, emptyToNull(request.getSubUserId()), pageRequest));
    reply(
        out,
        ListApiKeysResponse.newBuilder()
            .addAllApiKeys(page.items().stream().map(AccountMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  @Override
  public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<RevokeApiKeyResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    var response =
        idempotent.run(
            caller,
            request,
            RevokeApiKeyResponse.parser(),
            tx ->
                RevokeApiKeyResponse.newBuilder()
                    .setApiKey(
                        AccountMapper.toProto(accounts.revokeApiKey(tx, caller, request.getApiKeyId())))
                    .build());
    // Committed: the revoked key stops working on this replica now, not when its cache entry ends.
    authenticator.credentialsChanged(caller.accountId());
    reply(out, response);
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
}
