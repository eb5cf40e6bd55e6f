// Generated from resourceplans/v1/binding_service.proto by ServiceClientsGenerator (client tests): do not edit.
// ServiceClientsSourceTest says how to regenerate it when the protos change.
package io.resourceplans.client;

import io.resourceplans.api.v1.BindBillingAccountRequest;
import io.resourceplans.api.v1.BindBillingAccountResponse;
import io.resourceplans.api.v1.BindWorkspaceRequest;
import io.resourceplans.api.v1.BindWorkspaceResponse;
import io.resourceplans.api.v1.BindingServiceGrpc;
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
import io.resourceplans.api.v1.RegisterRequest;
import io.resourceplans.api.v1.RegisterResponse;
import io.resourceplans.api.v1.ResolveLoginTicketRequest;
import io.resourceplans.api.v1.ResolveLoginTicketResponse;
import io.resourceplans.api.v1.SendVerificationCodeRequest;
import io.resourceplans.api.v1.SendVerificationCodeResponse;
import io.resourceplans.api.v1.Site;
import io.resourceplans.api.v1.UpdateWorkspaceRequest;
import io.resourceplans.api.v1.UpdateWorkspaceResponse;
import io.resourceplans.api.v1.Workspace;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The client of {@code resourceplans.v1.BindingService}, from {@link ResourcePlansClient}.
 *
 * <p>The vendor side of marketplace activation and billing-account binding.
 *
 * <p>Callers: the vendor's sign-up pages' back end, authenticated with an
 * operator API key (every RPC here is operator-only; account and sub-user
 * keys get PERMISSION_DENIED reason OPERATOR_ONLY). The end user is proven by
 * the login ticket, the instance ID (which must belong to the cloud account)
 * and email verification codes, never by the API key.
 *
 * <p>Model: a billing-center account is linked to exactly one cloud account
 * (for settlement) and a cloud account to at most one billing-center
 * account; a billing-center account holds many workspaces, any number of
 * which may be bound to the marketplace instance of its cloud account (a
 * workspace is bound to at most one instance, and stays bound). The instance
 * names the one workspace it opens (MarketplaceInstance.workspace_id): the one
 * bound (Register, CreateWorkspace, BindWorkspace), opened (OpenWorkspace) or
 * chosen at log-in (LogIn) last. A workspace's site is chosen when it is
 * created and never changes. Verification codes are 6 random digits, stored hashed, valid for
 * 10 minutes, for at most 5 attempts, with a 60-second resend cooldown per
 * email and purpose (server settings); they are mailed through the
 * notification outbox and are accepted only in the flow of the cloud account
 * they were sent for. Passwords are stored only as a slow hash (Argon2id) and
 * never returned. Every read and write is scoped by the cloud account that
 * the request proves with its instance: one cloud account's flow never sees
 * or binds another's billing-center account or workspaces.
 *
 * <p>Vendor users log in with LogIn (username or email, and password).
 *
 * <p>Common errors of every RPC (not repeated below): UNAUTHENTICATED reason
 * API_KEY_MISSING / API_KEY_INVALID; PERMISSION_DENIED reason OPERATOR_ONLY;
 * INVALID_ARGUMENT reason IDEMPOTENCY_KEY_REUSED (mutating RPCs) and
 * PAGE_TOKEN_INVALID (List RPCs). Every RPC that takes cloud_account_id and
 * instance_id fails NOT_FOUND reason MARKETPLACE_INSTANCE_NOT_FOUND unless
 * the instance exists and belongs to that cloud account.
 *
 * <p>Each RPC has a blocking method, which returns the answer or throws
 * {@link ResourcePlansException}, and an {@code …Async} one returning a CompletableFuture; each
 * List RPC with pages also has a {@code listAll…} method walking every page. Calls fill an empty
 * request_id and are retried as {@link RetrySettings} says. Thread-safe.
 */
public final class BindingServiceClient {
  private final UnaryCaller caller;

  BindingServiceClient(UnaryCaller caller) {
    this.caller = caller;
  }

  /**
   * This client with a deadline of its own for every call, instead of the client's default.
   *
   * @param deadline time each call may take, retries included
   * @return a client sharing this one's connection
   */
  public BindingServiceClient withDeadline(Duration deadline) {
    return new BindingServiceClient(caller.withDeadline(deadline));
  }

  /**
   * Lists the vendor sites a workspace can be created in, ordered by
   * site_id.
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.BindingService/ListSites}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListSitesResponse listSites(ListSitesRequest request) {
    return caller.call(BindingServiceGrpc.getListSitesMethod(), request);
  }

  /**
   * {@link #listSites} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListSitesResponse> listSitesAsync(ListSitesRequest request) {
    return caller.callAsync(BindingServiceGrpc.getListSitesMethod(), request);
  }

  /**
   * Every Site {@link #listSites} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Site> listAllSites(ListSitesRequest request) {
    return caller.pages(BindingServiceGrpc.getListSitesMethod(), request, ListSitesResponse::getSitesList);
  }

  /**
   * Redeems a login ticket issued by ActivationService.IssueLoginTicket:
   * returns the cloud account ID and instance ID it names and the next step
   * of the vendor's flow. The ticket is single-use: the first successful
   * call consumes it (an idempotent replay with the same request_id returns
   * the same answer).
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); INVALID_ARGUMENT reason
   * LOGIN_TICKET_INVALID (malformed, or the signature does not verify: the
   * ticket is bad input, the caller's own credentials are fine; also a
   * ticket issued for another product's instance);
   * FAILED_PRECONDITION reason LOGIN_TICKET_EXPIRED; FAILED_PRECONDITION
   * reason LOGIN_TICKET_USED; NOT_FOUND reason MARKETPLACE_INSTANCE_NOT_FOUND
   * (the instance no longer exists).
   *
   * <p>RPC {@code resourceplans.v1.BindingService/ResolveLoginTicket}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ResolveLoginTicketResponse resolveLoginTicket(ResolveLoginTicketRequest request) {
    return caller.call(BindingServiceGrpc.getResolveLoginTicketMethod(), request);
  }

  /**
   * {@link #resolveLoginTicket} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ResolveLoginTicketResponse> resolveLoginTicketAsync(ResolveLoginTicketRequest request) {
    return caller.callAsync(BindingServiceGrpc.getResolveLoginTicketMethod(), request);
  }

  /**
   * Sends an email verification code for one purpose: to the given email
   * (register, create workspace) or to the email of the billing-center
   * account with the given username (bind billing account). Sending a new
   * code invalidates the previous one for the same email and purpose.
   * The code is accepted only for the cloud account named here.
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MARKETPLACE_INSTANCE_NOT_FOUND; NOT_FOUND reason
   * BILLING_ACCOUNT_NOT_FOUND (billing_username); RESOURCE_EXHAUSTED reason
   * VERIFICATION_CODE_COOLDOWN (with a google.rpc.RetryInfo saying when to
   * retry).
   *
   * <p>RPC {@code resourceplans.v1.BindingService/SendVerificationCode}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public SendVerificationCodeResponse sendVerificationCode(SendVerificationCodeRequest request) {
    return caller.call(BindingServiceGrpc.getSendVerificationCodeMethod(), request);
  }

  /**
   * {@link #sendVerificationCode} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<SendVerificationCodeResponse> sendVerificationCodeAsync(SendVerificationCodeRequest request) {
    return caller.callAsync(BindingServiceGrpc.getSendVerificationCodeMethod(), request);
  }

  /**
   * "No billing-center account": registers, in one step and one
   * transaction, a vendor user (basic info), a billing-center account
   * (company info) linked to the cloud account, and a workspace (name,
   * language, site) bound to the instance.
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MARKETPLACE_INSTANCE_NOT_FOUND; NOT_FOUND reason SITE_NOT_FOUND;
   * ALREADY_EXISTS reason CLOUD_ACCOUNT_ALREADY_BOUND; ALREADY_EXISTS reason
   * INSTANCE_ALREADY_BOUND; ALREADY_EXISTS reason USERNAME_TAKEN;
   * ALREADY_EXISTS reason EMAIL_TAKEN; FAILED_PRECONDITION reason
   * VERIFICATION_CODE_INVALID; FAILED_PRECONDITION reason
   * VERIFICATION_CODE_EXPIRED; RESOURCE_EXHAUSTED reason
   * VERIFICATION_CODE_ATTEMPTS_EXCEEDED; FAILED_PRECONDITION reason
   * TERMS_VERSION_OUTDATED; FAILED_PRECONDITION reason TERMS_NOT_PUBLISHED.
   *
   * <p>RPC {@code resourceplans.v1.BindingService/Register}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public RegisterResponse register(RegisterRequest request) {
    return caller.call(BindingServiceGrpc.getRegisterMethod(), request);
  }

  /**
   * {@link #register} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<RegisterResponse> registerAsync(RegisterRequest request) {
    return caller.callAsync(BindingServiceGrpc.getRegisterMethod(), request);
  }

  /**
   * "Has billing-center account": links an existing billing-center account
   * (found by username, proven by the code sent to its email) to the cloud
   * account. Linking the same pair again returns it unchanged.
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MARKETPLACE_INSTANCE_NOT_FOUND; NOT_FOUND reason
   * BILLING_ACCOUNT_NOT_FOUND; ALREADY_EXISTS reason
   * CLOUD_ACCOUNT_ALREADY_BOUND (the cloud account is linked to another
   * billing-center account); ALREADY_EXISTS reason
   * BILLING_ACCOUNT_ALREADY_BOUND (the billing-center account is linked to
   * another cloud account); FAILED_PRECONDITION reason
   * VERIFICATION_CODE_INVALID; FAILED_PRECONDITION reason
   * VERIFICATION_CODE_EXPIRED; RESOURCE_EXHAUSTED reason
   * VERIFICATION_CODE_ATTEMPTS_EXCEEDED.
   *
   * <p>RPC {@code resourceplans.v1.BindingService/BindBillingAccount}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public BindBillingAccountResponse bindBillingAccount(BindBillingAccountRequest request) {
    return caller.call(BindingServiceGrpc.getBindBillingAccountMethod(), request);
  }

  /**
   * {@link #bindBillingAccount} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<BindBillingAccountResponse> bindBillingAccountAsync(BindBillingAccountRequest request) {
    return caller.callAsync(BindingServiceGrpc.getBindBillingAccountMethod(), request);
  }

  /**
   * Creates a workspace under the billing-center account linked to the cloud
   * account and binds it to the instance (which may have other workspaces
   * bound already, and opens this one from now on), owned either by an existing
   * vendor user (email + code) or by a new vendor user registered in the
   * same step (username, password + confirmation, email + code, optional
   * phone). The site can never change afterwards.
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MARKETPLACE_INSTANCE_NOT_FOUND; NOT_FOUND reason SITE_NOT_FOUND;
   * NOT_FOUND reason VENDOR_USER_NOT_FOUND (existing_user email);
   * FAILED_PRECONDITION reason BILLING_ACCOUNT_NOT_BOUND; ALREADY_EXISTS
   * reason WORKSPACE_NAME_TAKEN;
   * ALREADY_EXISTS reason USERNAME_TAKEN; ALREADY_EXISTS reason EMAIL_TAKEN;
   * FAILED_PRECONDITION reason VERIFICATION_CODE_INVALID;
   * FAILED_PRECONDITION reason VERIFICATION_CODE_EXPIRED; RESOURCE_EXHAUSTED
   * reason VERIFICATION_CODE_ATTEMPTS_EXCEEDED; FAILED_PRECONDITION reason
   * TERMS_VERSION_OUTDATED; FAILED_PRECONDITION reason TERMS_NOT_PUBLISHED.
   *
   * <p>RPC {@code resourceplans.v1.BindingService/CreateWorkspace}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreateWorkspaceResponse createWorkspace(CreateWorkspaceRequest request) {
    return caller.call(BindingServiceGrpc.getCreateWorkspaceMethod(), request);
  }

  /**
   * {@link #createWorkspace} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreateWorkspaceResponse> createWorkspaceAsync(CreateWorkspaceRequest request) {
    return caller.callAsync(BindingServiceGrpc.getCreateWorkspaceMethod(), request);
  }

  /**
   * Binds an existing workspace of the linked billing-center account to the
   * instance, which may have other workspaces bound already and opens this one
   * from now on. Binding the same pair again returns it unchanged (and does not
   * change which workspace the instance opens).
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MARKETPLACE_INSTANCE_NOT_FOUND; NOT_FOUND reason WORKSPACE_NOT_FOUND (no
   * such workspace in the linked billing-center account);
   * FAILED_PRECONDITION reason BILLING_ACCOUNT_NOT_BOUND; ALREADY_EXISTS
   * reason WORKSPACE_ALREADY_BOUND (to another instance).
   *
   * <p>RPC {@code resourceplans.v1.BindingService/BindWorkspace}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public BindWorkspaceResponse bindWorkspace(BindWorkspaceRequest request) {
    return caller.call(BindingServiceGrpc.getBindWorkspaceMethod(), request);
  }

  /**
   * {@link #bindWorkspace} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<BindWorkspaceResponse> bindWorkspaceAsync(BindWorkspaceRequest request) {
    return caller.callAsync(BindingServiceGrpc.getBindWorkspaceMethod(), request);
  }

  /**
   * Renames a workspace of the linked billing-center account or changes its
   * language. Its site can never change: a site_id other than the
   * workspace's own is refused.
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MARKETPLACE_INSTANCE_NOT_FOUND; NOT_FOUND reason WORKSPACE_NOT_FOUND;
   * FAILED_PRECONDITION reason BILLING_ACCOUNT_NOT_BOUND; FAILED_PRECONDITION
   * reason WORKSPACE_SITE_IMMUTABLE; ALREADY_EXISTS reason
   * WORKSPACE_NAME_TAKEN.
   *
   * <p>RPC {@code resourceplans.v1.BindingService/UpdateWorkspace}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public UpdateWorkspaceResponse updateWorkspace(UpdateWorkspaceRequest request) {
    return caller.call(BindingServiceGrpc.getUpdateWorkspaceMethod(), request);
  }

  /**
   * {@link #updateWorkspace} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<UpdateWorkspaceResponse> updateWorkspaceAsync(UpdateWorkspaceRequest request) {
    return caller.callAsync(BindingServiceGrpc.getUpdateWorkspaceMethod(), request);
  }

  /**
   * Lists the workspaces of the billing-center account linked to the cloud
   * account, oldest first (create_time ascending, then workspace_id).
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); FAILED_PRECONDITION reason
   * BILLING_ACCOUNT_NOT_BOUND.
   *
   * <p>RPC {@code resourceplans.v1.BindingService/ListWorkspaces}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListWorkspacesResponse listWorkspaces(ListWorkspacesRequest request) {
    return caller.call(BindingServiceGrpc.getListWorkspacesMethod(), request);
  }

  /**
   * {@link #listWorkspaces} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListWorkspacesResponse> listWorkspacesAsync(ListWorkspacesRequest request) {
    return caller.callAsync(BindingServiceGrpc.getListWorkspacesMethod(), request);
  }

  /**
   * Every Workspace {@link #listWorkspaces} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Workspace> listAllWorkspaces(ListWorkspacesRequest request) {
    return caller.pages(BindingServiceGrpc.getListWorkspacesMethod(), request, ListWorkspacesResponse::getWorkspacesList);
  }

  /**
   * Gets the billing-center account linked to a cloud account.
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MARKETPLACE_INSTANCE_NOT_FOUND; NOT_FOUND reason
   * BILLING_ACCOUNT_NOT_FOUND (no billing-center account is linked).
   *
   * <p>RPC {@code resourceplans.v1.BindingService/GetBillingAccount}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetBillingAccountResponse getBillingAccount(GetBillingAccountRequest request) {
    return caller.call(BindingServiceGrpc.getGetBillingAccountMethod(), request);
  }

  /**
   * {@link #getBillingAccount} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetBillingAccountResponse> getBillingAccountAsync(GetBillingAccountRequest request) {
    return caller.callAsync(BindingServiceGrpc.getGetBillingAccountMethod(), request);
  }

  /**
   * The vendor's own sign-up, outside any marketplace: creates a vendor user
   * and a billing-center account linked to no cloud account (and,
   * optionally, a first workspace bound to no instance). The vendor's sign-up
   * page has verified the email itself, so no code is asked for. Such an
   * account is what "Has billing-center account" binds.
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * SITE_NOT_FOUND; ALREADY_EXISTS reason USERNAME_TAKEN; ALREADY_EXISTS
   * reason EMAIL_TAKEN.
   *
   * <p>RPC {@code resourceplans.v1.BindingService/CreateBillingAccount}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreateBillingAccountResponse createBillingAccount(CreateBillingAccountRequest request) {
    return caller.call(BindingServiceGrpc.getCreateBillingAccountMethod(), request);
  }

  /**
   * {@link #createBillingAccount} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreateBillingAccountResponse> createBillingAccountAsync(CreateBillingAccountRequest request) {
    return caller.callAsync(BindingServiceGrpc.getCreateBillingAccountMethod(), request);
  }

  /**
   * Logs a vendor user in with username or email, and password ("enter the
   * username and password to access the workspace"), and answers the user,
   * its billing-center account and the workspaces it reaches. The password is
   * checked against its Argon2id hash in constant time; it is never logged,
   * stored in an answer or returned.
   *
   * <p>A wrong password and a name that is no vendor user get the one same
   * refusal (same code, reason, message and timing: an unknown name is
   * checked against a dummy hash), so the answer never tells whether a user
   * exists.
   *
   * <p>Lock: failures are counted per vendor user (its username and email share
   * the count) or, for a name that is no user, per name, so an unknown name
   * locks exactly as a real one. Each attempt is weighed under a row lock and
   * its failure committed even though the call is refused: however many
   * attempts arrive at once, at most the limit of passwords is compared.
   * After `--login-max-failures` (default 5) failures in a row, none older
   * than `--login-lock-minutes` (default 15), the user is locked for
   * `--login-lock-minutes`: while locked, every attempt, with the right
   * password or a wrong one, is refused RESOURCE_EXHAUSTED reason
   * LOGIN_LOCKED with a google.rpc.RetryInfo saying when the lock ends (and
   * ErrorInfo metadata `unlock_time`); no password is compared then. A
   * successful log-in clears the count.
   *
   * <p>Tied to a resolved ticket: with cloud_account_id and instance_id (from
   * ResolveLoginTicket, next step LOG_IN or any other), the log-in is for
   * that cloud account: if a billing-center account is linked to it, it must
   * be the user's own or hold a workspace the user owns; if none is linked,
   * the user's own billing-center account is linked to it, as
   * BindBillingAccount would (the password standing for the email code),
   * unless it is linked to another cloud account.
   *
   * <p>Which workspace opens: workspace_id chooses one the user reaches (with an
   * instance it must be bound to it, and the instance records it as the one
   * it opens); without it, the instance's current one is answered.
   *
   * <p>Not idempotent and takes no request_id: every call is one attempt (the
   * changes a successful one makes, linking and opening, are the same on a
   * retry).
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); FAILED_PRECONDITION reason
   * LOGIN_CREDENTIALS_INVALID (wrong password or no such user);
   * RESOURCE_EXHAUSTED reason LOGIN_LOCKED. After a right password only:
   * NOT_FOUND reason MARKETPLACE_INSTANCE_NOT_FOUND; FAILED_PRECONDITION
   * reason LOGIN_CLOUD_ACCOUNT_MISMATCH (the cloud account is linked to a
   * billing-center account the user does not belong to); NOT_FOUND reason
   * BILLING_ACCOUNT_NOT_FOUND (nothing linked to the cloud account and the
   * user owns no billing-center account); ALREADY_EXISTS reason
   * BILLING_ACCOUNT_ALREADY_BOUND (the user's billing-center account is
   * linked to another cloud account); NOT_FOUND reason WORKSPACE_NOT_FOUND
   * (workspace_id is not one the user reaches); FAILED_PRECONDITION reason
   * WORKSPACE_NOT_BOUND_TO_INSTANCE.
   *
   * <p>RPC {@code resourceplans.v1.BindingService/LogIn}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public LogInResponse logIn(LogInRequest request) {
    return caller.call(BindingServiceGrpc.getLogInMethod(), request);
  }

  /**
   * {@link #logIn} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<LogInResponse> logInAsync(LogInRequest request) {
    return caller.callAsync(BindingServiceGrpc.getLogInMethod(), request);
  }

  /**
   * Makes a workspace of the linked billing-center account, bound to the
   * instance, the one the instance opens (MarketplaceInstance.workspace_id,
   * ResolveLoginTicketResponse.workspace). Opening the one it opens already
   * changes nothing but the time.
   * Callers: operator only (the vendor back end).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * WORKSPACE_NOT_FOUND (not in the linked billing-center account);
   * FAILED_PRECONDITION reason BILLING_ACCOUNT_NOT_BOUND; FAILED_PRECONDITION
   * reason WORKSPACE_NOT_BOUND_TO_INSTANCE (bind it first with
   * BindWorkspace).
   *
   * <p>RPC {@code resourceplans.v1.BindingService/OpenWorkspace}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public OpenWorkspaceResponse openWorkspace(OpenWorkspaceRequest request) {
    return caller.call(BindingServiceGrpc.getOpenWorkspaceMethod(), request);
  }

  /**
   * {@link #openWorkspace} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<OpenWorkspaceResponse> openWorkspaceAsync(OpenWorkspaceRequest request) {
    return caller.callAsync(BindingServiceGrpc.getOpenWorkspaceMethod(), request);
  }
}
