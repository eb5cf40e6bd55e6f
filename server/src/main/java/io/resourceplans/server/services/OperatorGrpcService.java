package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.LookupAccountRequest;
import io.resourceplans.api.v1.LookupAccountResponse;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.domain.account.AccountService;
import io.resourceplans.domain.account.CreatedAccount;
import io.resourceplans.domain.account.NewAccount;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.idempotency.IdempotentCalls;
import io.resourceplans.server.mapping.AccountMapper;
import javax.inject.Inject;
import javax.inject.Singleton;

/** OperatorService: operator-only administration. RPCs of later issues answer UNIMPLEMENTED. */
@Singleton
public final class OperatorGrpcService extends OperatorServiceGrpc.OperatorServiceImplBase {
  private final AccountService accounts;
  private final Transactor transactor;
  private final IdempotentCalls idempotent;

  @Inject
  OperatorGrpcService(AccountService accounts, Transactor transactor, IdempotentCalls idempotent) {
    this.accounts = accounts;
    this.transactor = transactor;
    this.idempotent = idempotent;
  }

  @Override
  public void createAccount(CreateAccountRequest request, StreamObserver<CreateAccountResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    NewAccount command =
        new NewAccount(
            request.getDisplayName(),
            request.getContactEmail(),
            request.getContactPhone(),
            request.getDefaultRegionId());
    reply(
        out,
        idempotent.run(
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

  @Override
  public void lookupAccount(LookupAccountRequest request, StreamObserver<LookupAccountResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var account = transactor.readOnly(tx -> accounts.getAccount(tx, caller, request.getAccountId()));
    reply(out, LookupAccountResponse.newBuilder().setAccount(AccountMapper.toProto(account)).build());
  }
}
