package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.emptyToNull;
import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.BindBillingAccountRequest;
import io.resourceplans.api.v1.BindBillingAccountResponse;
import io.resourceplans.api.v1.BindWorkspaceRequest;
import io.resourceplans.api.v1.BindWorkspaceResponse;
import io.resourceplans.api.v1.CompanyInfo;
import io.resourceplans.api.v1.CreateBillingAccountRequest;
import io.resourceplans.api.v1.CreateBillingAccountResponse;
import io.resourceplans.api.v1.CreateWorkspaceRequest;
import io.resourceplans.api.v1.CreateWorkspaceResponse;
import io.resourceplans.api.v1.GetBillingAccountRequest;
import io.resourceplans.api.v1.GetBillingAccountResponse;
import io.resourceplans.api.v1.ListSitesRequest;
import io.resourceplans.api.v1.ListSitesResponse;
import io.resourceplans.api.v1.ListWorkspacesRequest;
import io.resourceplans.api.v1.ListWorkspacesResponse;
import io.resourceplans.api.v1.LogInRequest;
import io.resourceplans.api.v1.LogInResponse;
import io.resourceplans.api.v1.OpenWorkspaceRequest;
import io.resourceplans.api.v1.OpenWorkspaceResponse;
import io.resourceplans.api.v1.NewVendorUser;
import io.resourceplans.api.v1.RegisterRequest;
import io.resourceplans.api.v1.RegisterResponse;
import io.resourceplans.api.v1.ResolveLoginTicketRequest;
import io.resourceplans.api.v1.ResolveLoginTicketResponse;
import io.resourceplans.api.v1.SendVerificationCodeRequest;
import io.resourceplans.api.v1.SendVerificationCodeResponse;
import io.resourceplans.api.v1.UpdateWorkspaceRequest;
import io.resourceplans.api.v1.UpdateWorkspaceResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.binding.BindingInputs.Company;
import io.resourceplans.domain.binding.BindingInputs.NewUser;
import io.resourceplans.domain.binding.BindingInputs.NewWorkspace;
import io.resourceplans.domain.binding.BindingInputs.Owner;
import io.resourceplans.domain.binding.BindingService;
import io.resourceplans.domain.binding.BindingInputs.LogIn;
import io.resourceplans.domain.binding.VendorLogins;
import io.resourceplans.domain.binding.VerificationCodes;
import io.resourceplans.domain.binding.CodePurpose;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.BindingMapper;
import io.resourceplans.server.mapping.Timestamps;
import java.util.Optional;
import io.resourceplans.domain.tx.Tx;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * RPC handlers of BindingService (the vendor's back end, operator key only). Two things differ from
 * other mutating RPCs: the idempotency fingerprint leaves out passwords and verification codes (a
 * plain hash of a 6-digit code or a password would reveal it), and a wrong verification code is
 * counted in a transaction of its own, because the refusal rolls back the request's transaction.
 */
@Singleton
public final class BindingRpcs {
  static final int DEFAULT_SITE_PAGE_SIZE = 50;
  static final int DEFAULT_WORKSPACE_PAGE_SIZE = 20;

  private final CallRunner calls;
  private final BindingService binding;
  private final VerificationCodes codes;

  @Inject
  BindingRpcs(CallRunner calls, BindingService binding, VerificationCodes codes) {
    this.calls = calls;
    this.binding = binding;
    this.codes = codes;
  }

  public void listSites(ListSitesRequest request, StreamObserver<ListSitesResponse> out) {
    operator();
    PageRequest pageRequest = Pages.of(request, DEFAULT_SITE_PAGE_SIZE);
    var page = calls.read(tx -> binding.listSites(tx, pageRequest));
    reply(
        out,
        ListSitesResponse.newBuilder()
            .addAllSites(page.items().stream().map(BindingMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  public void resolveLoginTicket(ResolveLoginTicketRequest request, StreamObserver<ResolveLoginTicketResponse> out) {
    Principal caller = operator();
    reply(
        out,
        calls.once(
            caller,
            request,
            ResolveLoginTicketResponse.parser(),
            tx -> {
              var r = binding.resolve(tx, request.getProductId(), request.getTicket());
              var b =
                  ResolveLoginTicketResponse.newBuilder()
                      .setCloudAccountId(r.cloudAccountId())
                      .setInstanceId(r.instance().instanceId())
                      .setNextStep(BindingMapper.toProto(r.nextStep()))
                      .setInstance(BindingMapper.toProto(r.instance()));
              r.billingAccount().ifPresent(a -> b.setBillingAccount(BindingMapper.toProto(a)));
              r.workspace().ifPresent(w -> b.setWorkspace(BindingMapper.toProto(w)));
              return b.build();
            }));
  }

  public void sendVerificationCode(
      SendVerificationCodeRequest request, StreamObserver<SendVerificationCodeResponse> out) {
    Principal caller = operator();
    var purpose = BindingMapper.toDomain(request.getPurpose());
    String email = request.hasEmail() ? request.getEmail() : null;
    String username = request.hasBillingUsername() ? request.getBillingUsername() : null;
    reply(
        out,
        calls.once(
            caller,
            request,
            SendVerificationCodeResponse.parser(),
            tx -> {
              var sent =
                  binding.sendCode(
                      tx, request.getCloudAccountId(), request.getInstanceId(), purpose, email, username);
              return SendVerificationCodeResponse.newBuilder()
                  .setMaskedEmail(sent.maskedEmail())
                  .setExpireTime(Timestamps.of(sent.expireTime()))
                  .setResendTime(Timestamps.of(sent.resendTime()))
                  .build();
            }));
  }

  public void register(RegisterRequest request, StreamObserver<RegisterResponse> out) {
    Principal caller = operator();
    var fingerprinted = request.toBuilder().setUser(withoutSecrets(request.getUser())).build();
    var workspace =
        new NewWorkspace(
            request.getWorkspaceName(),
            BindingMapper.requireLanguage(request.getWorkspaceLanguage(), "workspace_language"),
            request.getSiteId());
    NewVendorUser user = request.getUser();
    reply(
        out,
        afterWeighingTheGuess(
            tx -> codes.countWrongGuess(tx, request.getCloudAccountId(), user.getEmail(), CodePurpose.REGISTER, user.getVerificationCode()),
            CodePurpose.REGISTER,
            () ->
                calls.once(
                    caller,
                    fingerprinted,
                    RegisterResponse.parser(),
                    tx -> {
                      var r =
                          binding.register(
                              tx,
                              request.getCloudAccountId(),
                              request.getInstanceId(),
                              newUser(request.getUser()),
                              company(request.getCompany()),
                              workspace,
                              request.getAcceptedTermsVersion());
                      return RegisterResponse.newBuilder()
                          .setUser(BindingMapper.toProto(r.user()))
                          .setBillingAccount(BindingMapper.toProto(r.billingAccount()))
                          .setWorkspace(BindingMapper.toProto(r.workspace()))
                          .setInstance(BindingMapper.toProto(r.instance()))
                          .build();
                    })));
  }

  public void bindBillingAccount(BindBillingAccountRequest request, StreamObserver<BindBillingAccountResponse> out) {
    Principal caller = operator();
    var fingerprinted = request.toBuilder().clearVerificationCode().build();
    reply(
        out,
        afterWeighingTheGuess(
            tx -> binding.countWrongBindGuess(
                tx, request.getCloudAccountId(), request.getBillingUsername(), request.getVerificationCode()),
            CodePurpose.BIND_BILLING_ACCOUNT,
            () ->
                calls.once(
                    caller,
                    fingerprinted,
                    BindBillingAccountResponse.parser(),
                    tx ->
                        BindBillingAccountResponse.newBuilder()
                            .setBillingAccount(
                                BindingMapper.toProto(
                                    binding.bindBillingAccount(
                                        tx,
                                        request.getCloudAccountId(),
                                        request.getInstanceId(),
                                        request.getBillingUsername(),
                                        request.getVerificationCode())))
                            .build())));
  }

  public void createWorkspace(CreateWorkspaceRequest request, StreamObserver<CreateWorkspaceResponse> out) {
    Principal caller = operator();
    var fingerprinted = request.toBuilder();
    Owner owner;
    if (request.hasNewUser()) {
      owner = Owner.created(newUser(request.getNewUser()));
      fingerprinted.setNewUser(withoutSecrets(request.getNewUser()));
    } else {
      owner =
          Owner.existing(request.getExistingUser().getEmail(), request.getExistingUser().getVerificationCode());
      fingerprinted.setExistingUser(request.getExistingUser().toBuilder().clearVerificationCode());
    }
    var workspace =
        new NewWorkspace(
            request.getName(), BindingMapper.requireLanguage(request.getLanguage(), "language"), request.getSiteId());
    String ownerEmail = request.hasNewUser() ? request.getNewUser().getEmail() : request.getExistingUser().getEmail();
    String ownerCode =
        request.hasNewUser() ? request.getNewUser().getVerificationCode() : request.getExistingUser().getVerificationCode();
    reply(
        out,
        afterWeighingTheGuess(
            tx -> codes.countWrongGuess(tx, request.getCloudAccountId(), ownerEmail, CodePurpose.CREATE_WORKSPACE, ownerCode),
            CodePurpose.CREATE_WORKSPACE,
            () ->
                calls.once(
                    caller,
                    fingerprinted.build(),
                    CreateWorkspaceResponse.parser(),
                    tx -> {
                      var c =
                          binding.createWorkspace(
                              tx,
                              request.getCloudAccountId(),
                              request.getInstanceId(),
                              workspace,
                              owner,
                              request.getAcceptedTermsVersion());
                      return CreateWorkspaceResponse.newBuilder()
                          .setWorkspace(BindingMapper.toProto(c.workspace()))
                          .setOwner(BindingMapper.toProto(c.owner()))
                          .setInstance(BindingMapper.toProto(c.instance()))
                          .build();
                    })));
  }

  public void bindWorkspace(BindWorkspaceRequest request, StreamObserver<BindWorkspaceResponse> out) {
    Principal caller = operator();
    reply(
        out,
        calls.once(
            caller,
            request,
            BindWorkspaceResponse.parser(),
            tx -> {
              var b =
                  binding.bindWorkspace(
                      tx, request.getCloudAccountId(), request.getInstanceId(), request.getWorkspaceId());
              return BindWorkspaceResponse.newBuilder()
                  .setWorkspace(BindingMapper.toProto(b.workspace()))
                  .setInstance(BindingMapper.toProto(b.instance()))
                  .build();
            }));
  }

  public void updateWorkspace(UpdateWorkspaceRequest request, StreamObserver<UpdateWorkspaceResponse> out) {
    Principal caller = operator();
    reply(
        out,
        calls.once(
            caller,
            request,
            UpdateWorkspaceResponse.parser(),
            tx ->
                UpdateWorkspaceResponse.newBuilder()
                    .setWorkspace(
                        BindingMapper.toProto(
                            binding.updateWorkspace(
                                tx,
                                request.getCloudAccountId(),
                                request.getInstanceId(),
                                request.getWorkspaceId(),
                                emptyToNull(request.getName()),
                                BindingMapper.toDomain(request.getLanguage()),
                                emptyToNull(request.getSiteId()))))
                    .build()));
  }

  public void listWorkspaces(ListWorkspacesRequest request, StreamObserver<ListWorkspacesResponse> out) {
    operator();
    PageRequest pageRequest = Pages.of(request, DEFAULT_WORKSPACE_PAGE_SIZE);
    var page =
        calls.read(
            tx -> binding.listWorkspaces(tx, request.getCloudAccountId(), request.getInstanceId(), pageRequest));
    reply(
        out,
        ListWorkspacesResponse.newBuilder()
            .addAllWorkspaces(page.items().stream().map(BindingMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  public void getBillingAccount(GetBillingAccountRequest request, StreamObserver<GetBillingAccountResponse> out) {
    operator();
    var account =
        calls.read(
            tx -> binding.getBillingAccount(tx, request.getCloudAccountId(), request.getInstanceId()));
    reply(out, GetBillingAccountResponse.newBuilder().setBillingAccount(BindingMapper.toProto(account)).build());
  }

  public void createBillingAccount(
      CreateBillingAccountRequest request, StreamObserver<CreateBillingAccountResponse> out) {
    Principal caller = operator();
    var fingerprinted = request.toBuilder().clearPassword().clearPasswordConfirmation().build();
    var user =
        new NewUser(
            request.getUsername(), request.getPassword(), request.getPasswordConfirmation(), request.getEmail(), "",
            request.getPhone());
    Optional<NewWorkspace> workspace =
        request.hasWorkspace()
            ? Optional.of(
                new NewWorkspace(
                    request.getWorkspace().getName(),
                    BindingMapper.requireLanguage(request.getWorkspace().getLanguage(), "workspace.language"),
                    request.getWorkspace().getSiteId()))
            : Optional.empty();
    reply(
        out,
        calls.once(
            caller,
            fingerprinted,
            CreateBillingAccountResponse.parser(),
            tx -> {
              var s = binding.signUp(tx, user, company(request.getCompany()), workspace);
              var b =
                  CreateBillingAccountResponse.newBuilder()
                      .setUser(BindingMapper.toProto(s.user()))
                      .setBillingAccount(BindingMapper.toProto(s.billingAccount()));
              s.workspace().ifPresent(w -> b.setWorkspace(BindingMapper.toProto(w)));
              return b.build();
            }));
  }

  /**
   * A log-in: the attempt is counted as a failure in a committed transaction of its own, the
   * password compared outside any transaction (no connection held for the hash), the count cleared
   * when it was right, then the rest (the ticket's cloud account, the workspace to open) runs for the
   * user it proved. No request_id: each call is an attempt.
   */
  public void logIn(LogInRequest request, StreamObserver<LogInResponse> out) {
    operator();
    var attempt =
        new LogIn(
            request.getLogin(),
            request.getPassword(),
            emptyToNull(request.getCloudAccountId()),
            emptyToNull(request.getInstanceId()),
            emptyToNull(request.getWorkspaceId()));
    var counted = calls.write(tx -> binding.beginLogIn(tx, attempt.login()));
    if (!binding.passwordMatches(counted, attempt.password())) {
      throw VendorLogins.refused();
    }
    var user = calls.write(tx -> binding.logInSucceeded(tx, counted));
    var in = calls.write(tx -> binding.logIn(tx, user, attempt));
    var b =
        LogInResponse.newBuilder()
            .setUser(BindingMapper.toProto(in.user()))
            .addAllWorkspaces(in.workspaces().stream().map(BindingMapper::toProto).toList())
            .setMoreWorkspaces(in.moreWorkspaces());
    in.billingAccount().ifPresent(a -> b.setBillingAccount(BindingMapper.toProto(a)));
    in.instance().ifPresent(i -> b.setInstance(BindingMapper.toProto(i)));
    in.openedWorkspace().ifPresent(w -> b.setOpenedWorkspace(BindingMapper.toProto(w)));
    reply(out, b.build());
  }

  public void openWorkspace(OpenWorkspaceRequest request, StreamObserver<OpenWorkspaceResponse> out) {
    Principal caller = operator();
    reply(
        out,
        calls.once(
            caller,
            request,
            OpenWorkspaceResponse.parser(),
            tx -> {
              var o =
                  binding.openWorkspace(
                      tx, request.getCloudAccountId(), request.getInstanceId(), request.getWorkspaceId());
              return OpenWorkspaceResponse.newBuilder()
                  .setWorkspace(BindingMapper.toProto(o.workspace()))
                  .setInstance(BindingMapper.toProto(o.instance()))
                  .build();
            }));
  }

  private static Principal operator() {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    return caller;
  }

  /**
   * Weighs the request's verification-code guess in a transaction of its own first (a wrong one is
   * counted and refused there, committed), then runs the request: see
   * VerificationCodes.countWrongGuess for why the count cannot wait for the request's rollback.
   */
  private <R> R afterWeighingTheGuess(Function<Tx, Boolean> weigh, CodePurpose purpose, Supplier<R> call) {
    if (calls.write(weigh)) {
      throw VerificationCodes.wrongGuess(purpose);
    }
    return call.get();
  }

  private static NewVendorUser withoutSecrets(NewVendorUser user) {
    return user.toBuilder().clearPassword().clearPasswordConfirmation().clearVerificationCode().build();
  }

  private static NewUser newUser(NewVendorUser u) {
    return new NewUser(
        u.getUsername(), u.getPassword(), u.getPasswordConfirmation(), u.getEmail(), u.getVerificationCode(),
        u.getPhone());
  }

  private static Company company(CompanyInfo c) {
    return new Company(c.getCompanyName(), c.getIndustry(), c.getContactName());
  }
}
