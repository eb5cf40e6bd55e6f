package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.emptyToNull;
import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateApiKeyResponse;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.CreateSubUserResponse;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetAccountResponse;
import io.resourceplans.api.v1.GetSubUserRequest;
import io.resourceplans.api.v1.GetSubUserResponse;
import io.resourceplans.api.v1.ListApiKeysRequest;
import io.resourceplans.api.v1.ListApiKeysResponse;
import io.resourceplans.api.v1.ListSubUsersRequest;
import io.resourceplans.api.v1.ListSubUsersResponse;
import io.resourceplans.api.v1.LookupAccountRequest;
import io.resourceplans.api.v1.LookupAccountResponse;
import io.resourceplans.api.v1.RevokeApiKeyRequest;
import io.resourceplans.api.v1.RevokeApiKeyResponse;
import io.resourceplans.api.v1.UpdateSubUserPermissionsRequest;
import io.resourceplans.api.v1.UpdateSubUserPermissionsResponse;
import io.resourceplans.domain.account.AccountService;
import io.resourceplans.domain.account.CreatedAccount;
import io.resourceplans.domain.account.IssuedApiKey;
import io.resourceplans.domain.account.NewAccount;
import io.resourceplans.domain.auth.Authenticator;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.AccountMapper;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * RPC handlers for accounts, sub-users and API keys: the account RPCs of ActivationService and the
 * operator's CreateAccount and LookupAccount.
 */
@Singleton
public final class AccountRpcs {
  private static final int DEFAULT_PAGE_SIZE = 20;

  private final AccountService accounts;
  private final CallRunner calls;
  private final Authenticator authenticator;

  @Inject
  AccountRpcs(AccountService accounts, CallRunner calls, Authenticator authenticator) {
    this.accounts = accounts;
    this.calls = calls;
    this.authenticator = authenticator;
  }

  public void createAccount(CreateAccountRequest request, StreamObserver<CreateAccountResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    NewAccount command =
        new NewAccount(
            request.getDisplayName(),
            request.getContactEmail(),
            request.getContactPhone(),
            request.getDefaultRegionId(),
            request.getTestClockId());
    reply(
        out,
        calls.once(
            caller,
            request,
            CreateAccountResponse.parser(),
            // The key's secret is shown once: a retry gets the account and key without it.
            response -> response.toBuilder().clearApiKeySecret().build(),
            tx -> {
              CreatedAccount created = accounts.createAccount(tx, caller, command);
              return CreateAccountResponse.newBuilder()
                  .setAccount(AccountMapper.toProto(created.account()))
                  .setApiKey(AccountMapper.toProto(created.mainKey().key()))
                  .setApiKeySecret(created.mainKey().secret())
                  .build();
            }));
  }

  public void lookupAccount(LookupAccountRequest request, StreamObserver<LookupAccountResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var account = calls.read(tx -> accounts.getAccount(tx, caller, request.getAccountId()));
    reply(out, LookupAccountResponse.newBuilder().setAccount(AccountMapper.toProto(account)).build());
  }

  public void getAccount(GetAccountRequest request, StreamObserver<GetAccountResponse> out) {
    Principal caller = CallPrincipal.current();
    var account =
        calls.read(tx -> accounts.getAccount(tx, caller, request.getAccountId()));
    reply(out, GetAccountResponse.newBuilder().setAccount(AccountMapper.toProto(account)).build());
  }

  public void createSubUser(CreateSubUserRequest request, StreamObserver<CreateSubUserResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    var permissions = AccountMapper.toDomain(request.getPermissionsList());
    reply(
        out,
        calls.once(
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

  public void getSubUser(GetSubUserRequest request, StreamObserver<GetSubUserResponse> out) {
    Principal caller = CallPrincipal.current();
    var subUser = calls.read(tx -> accounts.getSubUser(tx, caller, request.getSubUserId()));
    reply(out, GetSubUserResponse.newBuilder().setSubUser(AccountMapper.toProto(subUser)).build());
  }

  public void listSubUsers(ListSubUsersRequest request, StreamObserver<ListSubUsersResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest pageRequest =
        Pages.of(request, DEFAULT_PAGE_SIZE);
    var page = calls.read(tx -> accounts.listSubUsers(tx, caller, pageRequest));
    reply(
        out,
        ListSubUsersResponse.newBuilder()
            .addAllSubUsers(page.items().stream().map(AccountMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  public void updateSubUserPermissions(
      UpdateSubUserPermissionsRequest request, StreamObserver<UpdateSubUserPermissionsResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    var permissions = AccountMapper.toDomain(request.getPermissionsList());
    var response =
        calls.once(
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

  public void updateSubUserContacts(
      io.resourceplans.api.v1.UpdateSubUserContactsRequest request,
      StreamObserver<io.resourceplans.api.v1.UpdateSubUserContactsResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    reply(
        out,
        calls.once(
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

  public void createApiKey(CreateApiKeyRequest request, StreamObserver<CreateApiKeyResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    reply(
        out,
        calls.once(
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

  public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest pageRequest =
        Pages.of(request, DEFAULT_PAGE_SIZE);
    var page =
        calls.read(
            tx -> accounts.listApiKeys(tx, caller, emptyToNull(request.getSubUserId()), pageRequest));
    reply(
        out,
        ListApiKeysResponse.newBuilder()
            .addAllApiKeys(page.items().stream().map(AccountMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<RevokeApiKeyResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    var response =
        calls.once(
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
}
