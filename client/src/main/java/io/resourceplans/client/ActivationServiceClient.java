// Generated from resourceplans/v1/activation_service.proto by ServiceClientsGenerator (client tests): do not edit.
// ServiceClientsSourceTest says how to regenerate it when the protos change.
package io.resourceplans.client;

import io.resourceplans.api.v1.ActivateMarketplacePlanRequest;
import io.resourceplans.api.v1.ActivateMarketplacePlanResponse;
import io.resourceplans.api.v1.ActivatePayAsYouGoRequest;
import io.resourceplans.api.v1.ActivatePayAsYouGoResponse;
import io.resourceplans.api.v1.Activation;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.ApiKey;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateApiKeyResponse;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.CreateSubUserResponse;
import io.resourceplans.api.v1.CreateWebhookEndpointRequest;
import io.resourceplans.api.v1.CreateWebhookEndpointResponse;
import io.resourceplans.api.v1.DeleteWebhookEndpointRequest;
import io.resourceplans.api.v1.DeleteWebhookEndpointResponse;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetAccountResponse;
import io.resourceplans.api.v1.GetActivationStatusRequest;
import io.resourceplans.api.v1.GetActivationStatusResponse;
import io.resourceplans.api.v1.GetIdentityVerificationRequest;
import io.resourceplans.api.v1.GetIdentityVerificationResponse;
import io.resourceplans.api.v1.GetMarketplaceInstanceRequest;
import io.resourceplans.api.v1.GetMarketplaceInstanceResponse;
import io.resourceplans.api.v1.GetNotificationSettingsRequest;
import io.resourceplans.api.v1.GetNotificationSettingsResponse;
import io.resourceplans.api.v1.GetSubUserRequest;
import io.resourceplans.api.v1.GetSubUserResponse;
import io.resourceplans.api.v1.GetWebhookEndpointRequest;
import io.resourceplans.api.v1.GetWebhookEndpointResponse;
import io.resourceplans.api.v1.IssueLoginTicketRequest;
import io.resourceplans.api.v1.IssueLoginTicketResponse;
import io.resourceplans.api.v1.ListActivationsRequest;
import io.resourceplans.api.v1.ListActivationsResponse;
import io.resourceplans.api.v1.ListApiKeysRequest;
import io.resourceplans.api.v1.ListApiKeysResponse;
import io.resourceplans.api.v1.ListMarketplaceInstancesRequest;
import io.resourceplans.api.v1.ListMarketplaceInstancesResponse;
import io.resourceplans.api.v1.ListRegionsRequest;
import io.resourceplans.api.v1.ListRegionsResponse;
import io.resourceplans.api.v1.ListSubUsersRequest;
import io.resourceplans.api.v1.ListSubUsersResponse;
import io.resourceplans.api.v1.ListWebhookDeliveriesRequest;
import io.resourceplans.api.v1.ListWebhookDeliveriesResponse;
import io.resourceplans.api.v1.ListWebhookEndpointsRequest;
import io.resourceplans.api.v1.ListWebhookEndpointsResponse;
import io.resourceplans.api.v1.MarketplaceInstance;
import io.resourceplans.api.v1.Region;
import io.resourceplans.api.v1.RetryWebhookDeliveryRequest;
import io.resourceplans.api.v1.RetryWebhookDeliveryResponse;
import io.resourceplans.api.v1.RevokeApiKeyRequest;
import io.resourceplans.api.v1.RevokeApiKeyResponse;
import io.resourceplans.api.v1.RotateWebhookSecretRequest;
import io.resourceplans.api.v1.RotateWebhookSecretResponse;
import io.resourceplans.api.v1.SubUser;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationResponse;
import io.resourceplans.api.v1.UpdateDefaultRegionRequest;
import io.resourceplans.api.v1.UpdateDefaultRegionResponse;
import io.resourceplans.api.v1.UpdateNotificationSettingsRequest;
import io.resourceplans.api.v1.UpdateNotificationSettingsResponse;
import io.resourceplans.api.v1.UpdateSubUserContactsRequest;
import io.resourceplans.api.v1.UpdateSubUserContactsResponse;
import io.resourceplans.api.v1.UpdateSubUserPermissionsRequest;
import io.resourceplans.api.v1.UpdateSubUserPermissionsResponse;
import io.resourceplans.api.v1.WatchAccountEventsRequest;
import io.resourceplans.api.v1.WatchAccountEventsResponse;
import io.resourceplans.api.v1.WebhookDelivery;
import io.resourceplans.api.v1.WebhookEndpoint;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

/**
 * The client of {@code resourceplans.v1.ActivationService}, from {@link ResourcePlansClient}.
 *
 * <p>The account side of identity, regions and activation.
 *
 * <p>Account-scoped RPCs act on the caller's own account (derived from the API
 * key) and take no account_id; operator keys calling them get
 * PERMISSION_DENIED reason ACCOUNT_ONLY. ListRegions is open to any
 * authenticated caller.
 *
 * <p>Common errors of every RPC (not repeated below): UNAUTHENTICATED reason
 * API_KEY_MISSING / API_KEY_INVALID; PERMISSION_DENIED reason OPERATOR_ONLY /
 * MAIN_ACCOUNT_ONLY / PERMISSION_MISSING / ACCOUNT_ONLY when the caller rule
 * of the RPC is not met; another tenant's resource is NOT_FOUND like a
 * missing one; INVALID_ARGUMENT reason IDEMPOTENCY_KEY_REUSED (mutating RPCs)
 * and PAGE_TOKEN_INVALID (List RPCs).
 *
 * <p>Each RPC has a blocking method, which returns the answer or throws
 * {@link ResourcePlansException}, and an {@code …Async} one returning a CompletableFuture; each
 * List RPC with pages also has a {@code listAll…} method walking every page. Calls fill an empty
 * request_id and are retried as {@link RetrySettings} says. Thread-safe.
 */
public final class ActivationServiceClient {
  private final UnaryCaller caller;

  ActivationServiceClient(UnaryCaller caller) {
    this.caller = caller;
  }

  /**
   * This client with a deadline of its own for every call, instead of the client's default.
   *
   * @param deadline time each call may take, retries included
   * @return a client sharing this one's connection
   */
  public ActivationServiceClient withDeadline(Duration deadline) {
    return new ActivationServiceClient(caller.withDeadline(deadline));
  }

  /**
   * Gets the caller's account (contacts, default region, identity
   * verification state).
   * Callers: account main key or any sub-user of the account.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ACCOUNT_NOT_FOUND (an account_id other than the caller's).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/GetAccount}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetAccountResponse getAccount(GetAccountRequest request) {
    return caller.call(ActivationServiceGrpc.getGetAccountMethod(), request);
  }

  /**
   * {@link #getAccount} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetAccountResponse> getAccountAsync(GetAccountRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getGetAccountMethod(), request);
  }

  /**
   * Creates a sub-user (like a RAM user) with the given permissions. It has
   * no API key until CreateApiKey is called for it.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/CreateSubUser}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreateSubUserResponse createSubUser(CreateSubUserRequest request) {
    return caller.call(ActivationServiceGrpc.getCreateSubUserMethod(), request);
  }

  /**
   * {@link #createSubUser} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreateSubUserResponse> createSubUserAsync(CreateSubUserRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getCreateSubUserMethod(), request);
  }

  /**
   * Gets one sub-user.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * SUB_USER_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/GetSubUser}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetSubUserResponse getSubUser(GetSubUserRequest request) {
    return caller.call(ActivationServiceGrpc.getGetSubUserMethod(), request);
  }

  /**
   * {@link #getSubUser} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetSubUserResponse> getSubUserAsync(GetSubUserRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getGetSubUserMethod(), request);
  }

  /**
   * Lists the account's sub-users, oldest first (create_time ascending, then
   * sub_user_id).
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/ListSubUsers}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListSubUsersResponse listSubUsers(ListSubUsersRequest request) {
    return caller.call(ActivationServiceGrpc.getListSubUsersMethod(), request);
  }

  /**
   * {@link #listSubUsers} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListSubUsersResponse> listSubUsersAsync(ListSubUsersRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getListSubUsersMethod(), request);
  }

  /**
   * Every SubUser {@link #listSubUsers} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<SubUser> listAllSubUsers(ListSubUsersRequest request) {
    return caller.pages(ActivationServiceGrpc.getListSubUsersMethod(), request, ListSubUsersResponse::getSubUsersList);
  }

  /**
   * Replaces the whole permission set of a sub-user (an empty list removes
   * every permission). Takes effect on the sub-user's next call.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * SUB_USER_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/UpdateSubUserPermissions}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public UpdateSubUserPermissionsResponse updateSubUserPermissions(UpdateSubUserPermissionsRequest request) {
    return caller.call(ActivationServiceGrpc.getUpdateSubUserPermissionsMethod(), request);
  }

  /**
   * {@link #updateSubUserPermissions} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<UpdateSubUserPermissionsResponse> updateSubUserPermissionsAsync(UpdateSubUserPermissionsRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getUpdateSubUserPermissionsMethod(), request);
  }

  /**
   * Replaces a sub-user's contacts (empty = none). A sub-user with contacts
   * gets copies of the account's email and SMS notifications that its
   * permissions cover; see SubUser.contact_email.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * SUB_USER_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/UpdateSubUserContacts}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public UpdateSubUserContactsResponse updateSubUserContacts(UpdateSubUserContactsRequest request) {
    return caller.call(ActivationServiceGrpc.getUpdateSubUserContactsMethod(), request);
  }

  /**
   * {@link #updateSubUserContacts} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<UpdateSubUserContactsResponse> updateSubUserContactsAsync(UpdateSubUserContactsRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getUpdateSubUserContactsMethod(), request);
  }

  /**
   * Creates an API key, for a sub-user or (sub_user_id empty) another
   * main-account key. The secret is returned once, in this response only;
   * the service keeps only its hash. On an idempotent replay (same
   * request_id) the key is returned again but `secret` is empty.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * SUB_USER_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/CreateApiKey}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreateApiKeyResponse createApiKey(CreateApiKeyRequest request) {
    return caller.call(ActivationServiceGrpc.getCreateApiKeyMethod(), request);
  }

  /**
   * {@link #createApiKey} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreateApiKeyResponse> createApiKeyAsync(CreateApiKeyRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getCreateApiKeyMethod(), request);
  }

  /**
   * Lists the account's API keys, active and revoked, oldest first
   * (create_time ascending, then api_key_id); never their secrets.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * SUB_USER_NOT_FOUND (sub_user_id filter).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/ListApiKeys}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListApiKeysResponse listApiKeys(ListApiKeysRequest request) {
    return caller.call(ActivationServiceGrpc.getListApiKeysMethod(), request);
  }

  /**
   * {@link #listApiKeys} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListApiKeysResponse> listApiKeysAsync(ListApiKeysRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getListApiKeysMethod(), request);
  }

  /**
   * Every ApiKey {@link #listApiKeys} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<ApiKey> listAllApiKeys(ListApiKeysRequest request) {
    return caller.pages(ActivationServiceGrpc.getListApiKeysMethod(), request, ListApiKeysResponse::getApiKeysList);
  }

  /**
   * Revokes an API key immediately (the caller's own key too). Revoking a
   * revoked key returns it unchanged. The last active main-account key
   * cannot be revoked.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * API_KEY_NOT_FOUND; FAILED_PRECONDITION reason LAST_MAIN_API_KEY.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/RevokeApiKey}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public RevokeApiKeyResponse revokeApiKey(RevokeApiKeyRequest request) {
    return caller.call(ActivationServiceGrpc.getRevokeApiKeyMethod(), request);
  }

  /**
   * {@link #revokeApiKey} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<RevokeApiKeyResponse> revokeApiKeyAsync(RevokeApiKeyRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getRevokeApiKeyMethod(), request);
  }

  /**
   * Submits identity (real-name) verification, personal or enterprise, for
   * operator review; the account becomes IDENTITY_VERIFICATION_STATE_PENDING.
   * The document number is stored protected and never returned, only
   * masked.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); FAILED_PRECONDITION reason
   * IDENTITY_ALREADY_VERIFIED; FAILED_PRECONDITION reason
   * IDENTITY_VERIFICATION_PENDING (one is already waiting for review).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/SubmitIdentityVerification}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public SubmitIdentityVerificationResponse submitIdentityVerification(SubmitIdentityVerificationRequest request) {
    return caller.call(ActivationServiceGrpc.getSubmitIdentityVerificationMethod(), request);
  }

  /**
   * {@link #submitIdentityVerification} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<SubmitIdentityVerificationResponse> submitIdentityVerificationAsync(SubmitIdentityVerificationRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getSubmitIdentityVerificationMethod(), request);
  }

  /**
   * Gets the account's latest identity verification submission.
   * Callers: account main key only.
   * Errors: NOT_FOUND reason IDENTITY_VERIFICATION_NOT_FOUND (nothing
   * submitted yet).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/GetIdentityVerification}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetIdentityVerificationResponse getIdentityVerification(GetIdentityVerificationRequest request) {
    return caller.call(ActivationServiceGrpc.getGetIdentityVerificationMethod(), request);
  }

  /**
   * {@link #getIdentityVerification} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetIdentityVerificationResponse> getIdentityVerificationAsync(GetIdentityVerificationRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getGetIdentityVerificationMethod(), request);
  }

  /**
   * Lists the regions, ordered by region_id, and what needs a verified
   * identity in each: choosing it as default region (cn-hangzhou) and buying
   * or activating there (every region).
   * Callers: any authenticated caller.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/ListRegions}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListRegionsResponse listRegions(ListRegionsRequest request) {
    return caller.call(ActivationServiceGrpc.getListRegionsMethod(), request);
  }

  /**
   * {@link #listRegions} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListRegionsResponse> listRegionsAsync(ListRegionsRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getListRegionsMethod(), request);
  }

  /**
   * Every Region {@link #listRegions} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Region> listAllRegions(ListRegionsRequest request) {
    return caller.pages(ActivationServiceGrpc.getListRegionsMethod(), request, ListRegionsResponse::getRegionsList);
  }

  /**
   * Changes the account's default (console) region.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * REGION_NOT_FOUND; FAILED_PRECONDITION reason IDENTITY_NOT_VERIFIED (the
   * region requires verification and the account is not verified).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/UpdateDefaultRegion}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public UpdateDefaultRegionResponse updateDefaultRegion(UpdateDefaultRegionRequest request) {
    return caller.call(ActivationServiceGrpc.getUpdateDefaultRegionMethod(), request);
  }

  /**
   * {@link #updateDefaultRegion} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<UpdateDefaultRegionResponse> updateDefaultRegionAsync(UpdateDefaultRegionRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getUpdateDefaultRegionMethod(), request);
  }

  /**
   * Activates pay-as-you-go for a product in a region, accepting the current
   * pay-as-you-go activation agreement (version and time stored).
   * Idempotent: when already active, the existing activation is returned
   * unchanged.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS
   * and PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND / REGION_NOT_FOUND; FAILED_PRECONDITION reason
   * IDENTITY_NOT_VERIFIED; FAILED_PRECONDITION reason TERMS_VERSION_OUTDATED;
   * FAILED_PRECONDITION reason TERMS_NOT_PUBLISHED.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/ActivatePayAsYouGo}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ActivatePayAsYouGoResponse activatePayAsYouGo(ActivatePayAsYouGoRequest request) {
    return caller.call(ActivationServiceGrpc.getActivatePayAsYouGoMethod(), request);
  }

  /**
   * {@link #activatePayAsYouGo} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ActivatePayAsYouGoResponse> activatePayAsYouGoAsync(ActivatePayAsYouGoRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getActivatePayAsYouGoMethod(), request);
  }

  /**
   * Answers "is this product usable here, or must the console prompt to
   * activate (or buy)?".
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND / REGION_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/GetActivationStatus}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetActivationStatusResponse getActivationStatus(GetActivationStatusRequest request) {
    return caller.call(ActivationServiceGrpc.getGetActivationStatusMethod(), request);
  }

  /**
   * {@link #getActivationStatus} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetActivationStatusResponse> getActivationStatusAsync(GetActivationStatusRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getGetActivationStatusMethod(), request);
  }

  /**
   * Lists the account's pay-as-you-go activations, ordered by product_id
   * then region_id.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/ListActivations}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListActivationsResponse listActivations(ListActivationsRequest request) {
    return caller.call(ActivationServiceGrpc.getListActivationsMethod(), request);
  }

  /**
   * {@link #listActivations} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListActivationsResponse> listActivationsAsync(ListActivationsRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getListActivationsMethod(), request);
  }

  /**
   * Every Activation {@link #listActivations} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Activation> listAllActivations(ListActivationsRequest request) {
    return caller.pages(ActivationServiceGrpc.getListActivationsMethod(), request, ListActivationsResponse::getActivationsList);
  }

  /**
   * Activates a vendor's commercial plan in the marketplace ("Activate
   * now"): submits the activation request, accepting the current
   * marketplace agreement, and creates a purchased-service instance with an
   * instance ID, UNBOUND until the vendor binds it to a workspace. The
   * request completes at once (no operator or vendor confirmation step): the
   * answer ("Activation request submitted") already holds the instance. The
   * same request_id returns the same instance, also after the idempotency
   * record is gone.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS
   * and PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND; FAILED_PRECONDITION reason PRODUCT_NOT_ON_MARKETPLACE;
   * ALREADY_EXISTS reason MARKETPLACE_PLAN_ALREADY_ACTIVE (the account
   * already has an instance of this product); FAILED_PRECONDITION reason
   * TERMS_VERSION_OUTDATED; FAILED_PRECONDITION reason TERMS_NOT_PUBLISHED.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/ActivateMarketplacePlan}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ActivateMarketplacePlanResponse activateMarketplacePlan(ActivateMarketplacePlanRequest request) {
    return caller.call(ActivationServiceGrpc.getActivateMarketplacePlanMethod(), request);
  }

  /**
   * {@link #activateMarketplacePlan} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ActivateMarketplacePlanResponse> activateMarketplacePlanAsync(ActivateMarketplacePlanRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getActivateMarketplacePlanMethod(), request);
  }

  /**
   * Lists the account's purchased services (marketplace instances), newest
   * first (create_time descending, then instance_id).
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/ListMarketplaceInstances}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListMarketplaceInstancesResponse listMarketplaceInstances(ListMarketplaceInstancesRequest request) {
    return caller.call(ActivationServiceGrpc.getListMarketplaceInstancesMethod(), request);
  }

  /**
   * {@link #listMarketplaceInstances} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListMarketplaceInstancesResponse> listMarketplaceInstancesAsync(ListMarketplaceInstancesRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getListMarketplaceInstancesMethod(), request);
  }

  /**
   * Every MarketplaceInstance {@link #listMarketplaceInstances} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<MarketplaceInstance> listAllMarketplaceInstances(ListMarketplaceInstancesRequest request) {
    return caller.pages(ActivationServiceGrpc.getListMarketplaceInstancesMethod(), request, ListMarketplaceInstancesResponse::getInstancesList);
  }

  /**
   * Gets one marketplace instance.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MARKETPLACE_INSTANCE_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/GetMarketplaceInstance}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetMarketplaceInstanceResponse getMarketplaceInstance(GetMarketplaceInstanceRequest request) {
    return caller.call(ActivationServiceGrpc.getGetMarketplaceInstanceMethod(), request);
  }

  /**
   * {@link #getMarketplaceInstance} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetMarketplaceInstanceResponse> getMarketplaceInstanceAsync(GetMarketplaceInstanceRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getGetMarketplaceInstanceMethod(), request);
  }

  /**
   * "Login directly": issues a short-lived (5 minutes by default, a server
   * setting), single-use, signed login ticket for the vendor, naming the
   * cloud account and the instance, signed (HMAC-SHA256) with a server key
   * derived for the instance's product, so it is useless for any other
   * vendor product or instance. The vendor redeems it with
   * BindingService.ResolveLoginTicket. An idempotent replay returns the same
   * ticket (re-signed from the stored ticket facts; the ticket string itself
   * is not kept).
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MARKETPLACE_INSTANCE_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/IssueLoginTicket}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public IssueLoginTicketResponse issueLoginTicket(IssueLoginTicketRequest request) {
    return caller.call(ActivationServiceGrpc.getIssueLoginTicketMethod(), request);
  }

  /**
   * {@link #issueLoginTicket} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<IssueLoginTicketResponse> issueLoginTicketAsync(IssueLoginTicketRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getIssueLoginTicketMethod(), request);
  }

  /**
   * Gets the account's contacts and notification settings: where email and
   * SMS notifications go, their language, and which kinds go out by email
   * and by SMS (internal messages are always kept).
   * Callers: account main key or any sub-user of the account.
   * Errors: none beyond the common ones.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/GetNotificationSettings}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetNotificationSettingsResponse getNotificationSettings(GetNotificationSettingsRequest request) {
    return caller.call(ActivationServiceGrpc.getGetNotificationSettingsMethod(), request);
  }

  /**
   * {@link #getNotificationSettings} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetNotificationSettingsResponse> getNotificationSettingsAsync(GetNotificationSettingsRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getGetNotificationSettingsMethod(), request);
  }

  /**
   * Replaces the account's contacts and notification settings whole.
   * Notifications already queued keep the address and language they were
   * written with.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations: a malformed email address or
   * phone number, a kind listed twice or not choosable).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/UpdateNotificationSettings}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public UpdateNotificationSettingsResponse updateNotificationSettings(UpdateNotificationSettingsRequest request) {
    return caller.call(ActivationServiceGrpc.getUpdateNotificationSettingsMethod(), request);
  }

  /**
   * {@link #updateNotificationSettings} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<UpdateNotificationSettingsResponse> updateNotificationSettingsAsync(UpdateNotificationSettingsRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getUpdateNotificationSettingsMethod(), request);
  }

  /**
   * Registers an HTTPS endpoint that receives signed webhook events of the
   * chosen kinds (docs/webhooks.md). The signing secret is returned once, in
   * this response only; on an idempotent replay (same request_id) the
   * endpoint is returned again but `secret` is empty. Each event is POSTed
   * as JSON (`id`, `kind`, `createTime`, `accountId`, `data`) with the header
   * `Resource-Plans-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret,
   * t + "." + body)&gt;`; receivers refuse a `t` more than 5 minutes from their
   * clock, and deduplicate by the event `id`. A delivery not answered 2xx is
   * retried with exponential backoff for 3 days.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); INVALID_ARGUMENT reason
   * WEBHOOK_URL_NOT_ALLOWED (not https, or a loopback or private address;
   * a BadRequest names `url`).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/CreateWebhookEndpoint}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreateWebhookEndpointResponse createWebhookEndpoint(CreateWebhookEndpointRequest request) {
    return caller.call(ActivationServiceGrpc.getCreateWebhookEndpointMethod(), request);
  }

  /**
   * {@link #createWebhookEndpoint} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreateWebhookEndpointResponse> createWebhookEndpointAsync(CreateWebhookEndpointRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getCreateWebhookEndpointMethod(), request);
  }

  /**
   * Gets one of the account's webhook endpoints (never its secret).
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * WEBHOOK_ENDPOINT_NOT_FOUND (also for a deleted endpoint).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/GetWebhookEndpoint}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetWebhookEndpointResponse getWebhookEndpoint(GetWebhookEndpointRequest request) {
    return caller.call(ActivationServiceGrpc.getGetWebhookEndpointMethod(), request);
  }

  /**
   * {@link #getWebhookEndpoint} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetWebhookEndpointResponse> getWebhookEndpointAsync(GetWebhookEndpointRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getGetWebhookEndpointMethod(), request);
  }

  /**
   * Lists the account's webhook endpoints that are not deleted, oldest first
   * (create_time ascending, then webhook_endpoint_id); never their secrets.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/ListWebhookEndpoints}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListWebhookEndpointsResponse listWebhookEndpoints(ListWebhookEndpointsRequest request) {
    return caller.call(ActivationServiceGrpc.getListWebhookEndpointsMethod(), request);
  }

  /**
   * {@link #listWebhookEndpoints} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListWebhookEndpointsResponse> listWebhookEndpointsAsync(ListWebhookEndpointsRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getListWebhookEndpointsMethod(), request);
  }

  /**
   * Every WebhookEndpoint {@link #listWebhookEndpoints} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<WebhookEndpoint> listAllWebhookEndpoints(ListWebhookEndpointsRequest request) {
    return caller.pages(ActivationServiceGrpc.getListWebhookEndpointsMethod(), request, ListWebhookEndpointsResponse::getWebhookEndpointsList);
  }

  /**
   * Deletes a webhook endpoint: it gets no new events, its pending
   * deliveries end WEBHOOK_DELIVERY_STATUS_FAILED ("endpoint deleted")
   * without another attempt, and its deliveries stay listable.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * WEBHOOK_ENDPOINT_NOT_FOUND (also for an endpoint already deleted).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/DeleteWebhookEndpoint}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public DeleteWebhookEndpointResponse deleteWebhookEndpoint(DeleteWebhookEndpointRequest request) {
    return caller.call(ActivationServiceGrpc.getDeleteWebhookEndpointMethod(), request);
  }

  /**
   * {@link #deleteWebhookEndpoint} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<DeleteWebhookEndpointResponse> deleteWebhookEndpointAsync(DeleteWebhookEndpointRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getDeleteWebhookEndpointMethod(), request);
  }

  /**
   * Gives a webhook endpoint a new signing secret, returned once, in this
   * response only (empty on an idempotent replay). The replaced secret keeps
   * signing beside the new one for the overlap (each delivery then carries
   * one `v1` signature per secret), so the receiver can switch without
   * losing events; a secret replaced earlier and still in its overlap stops
   * signing at once.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * WEBHOOK_ENDPOINT_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/RotateWebhookSecret}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public RotateWebhookSecretResponse rotateWebhookSecret(RotateWebhookSecretRequest request) {
    return caller.call(ActivationServiceGrpc.getRotateWebhookSecretMethod(), request);
  }

  /**
   * {@link #rotateWebhookSecret} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<RotateWebhookSecretResponse> rotateWebhookSecretAsync(RotateWebhookSecretRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getRotateWebhookSecretMethod(), request);
  }

  /**
   * Lists the account's webhook deliveries (one per event and endpoint),
   * newest first (create_time descending, then webhook_delivery_id), with
   * their status, attempts and last error.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * WEBHOOK_ENDPOINT_NOT_FOUND (webhook_endpoint_id filter; deleted endpoints
   * are found here, so their deliveries stay listable).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/ListWebhookDeliveries}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListWebhookDeliveriesResponse listWebhookDeliveries(ListWebhookDeliveriesRequest request) {
    return caller.call(ActivationServiceGrpc.getListWebhookDeliveriesMethod(), request);
  }

  /**
   * {@link #listWebhookDeliveries} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListWebhookDeliveriesResponse> listWebhookDeliveriesAsync(ListWebhookDeliveriesRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getListWebhookDeliveriesMethod(), request);
  }

  /**
   * Every WebhookDelivery {@link #listWebhookDeliveries} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<WebhookDelivery> listAllWebhookDeliveries(ListWebhookDeliveriesRequest request) {
    return caller.pages(ActivationServiceGrpc.getListWebhookDeliveriesMethod(), request, ListWebhookDeliveriesResponse::getWebhookDeliveriesList);
  }

  /**
   * Sends a webhook delivery again (a replay), whatever its status: it
   * becomes WEBHOOK_DELIVERY_STATUS_PENDING, due now, with attempts counted
   * from 0 and retried for 3 more days as a new event would be; the event ID
   * and body are the same, so receivers deduplicate it by event ID. A
   * delivery being sent at that moment is due when that attempt's lease ends
   * instead (next_attempt_time says when; that attempt's outcome is not
   * recorded), so it is never sent twice at once.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * WEBHOOK_DELIVERY_NOT_FOUND, or WEBHOOK_ENDPOINT_NOT_FOUND when its
   * endpoint was deleted.
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/RetryWebhookDelivery}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public RetryWebhookDeliveryResponse retryWebhookDelivery(RetryWebhookDeliveryRequest request) {
    return caller.call(ActivationServiceGrpc.getRetryWebhookDeliveryMethod(), request);
  }

  /**
   * {@link #retryWebhookDelivery} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<RetryWebhookDeliveryResponse> retryWebhookDeliveryAsync(RetryWebhookDeliveryRequest request) {
    return caller.callAsync(ActivationServiceGrpc.getRetryWebhookDeliveryMethod(), request);
  }

  /**
   * Streams the account's events as they commit: the same events, kinds and
   * JSON bodies as the signed webhooks (docs/events.md), whether or not the
   * account has a webhook endpoint, in commit order (`sequence` 1, 2, 3, ...
   * per account, without holes), from any replica. Resumable: after a
   * disconnect, call again with `after_event_id` = the last event handled
   * (or `after_sequence` = its sequence, or the `started` position when no
   * event came yet), and the stream goes on with the next one: no event
   * missed, none twice, while that event is retained
   * (`--event-retention-hours`, 7 days by default). Without a cursor the
   * stream starts with the events that commit after the call starts (or,
   * with `from_oldest_retained`, with the oldest retained event). The first
   * message of every stream is `started` (its position), then one `event`
   * per message. The stream does not end by itself; the
   * server ends it UNAVAILABLE when it shuts down (resume on another
   * replica). A client that reads slowly is sent no faster than it reads
   * (flow control); nothing piles up in the server. Keep the connection
   * alive with gRPC keepalive pings (a client keepalive time of 30 s or
   * more; docs/events.md) rather than a deadline.
   * Callers: account main key only.
   * Errors: INVALID_ARGUMENT (field violations; more than one of
   * `after_event_id`, `after_sequence` and `from_oldest_retained`;
   * `after_sequence` past the account's last event); NOT_FOUND reason ACCOUNT_NOT_FOUND (an account_id
   * other than the caller's); FAILED_PRECONDITION reason
   * EVENT_CURSOR_EXPIRED (`after_event_id` is not a retained event of the
   * account: unknown, another account's, or older than the retention; the
   * event after `after_sequence` is no longer retained; also
   * mid-stream should the events right after the cursor have been deleted
   * meanwhile): start again without it and reconcile; RESOURCE_EXHAUSTED
   * reason EVENT_WATCHERS_EXCEEDED (the account already has
   * `--event-watchers-per-account` streams open on this replica, or the
   * replica `--event-watchers-per-server`); UNAVAILABLE when the replica
   * shuts down (resume with `after_event_id`).
   *
   * <p>RPC {@code resourceplans.v1.ActivationService/WatchAccountEvents} (a server stream).
   *
   * @param request the request
   * @return the answers, read as they arrive; a failure is thrown by
   *     {@code hasNext} or {@code next} as {@link ResourcePlansException}
   */
  public Iterator<WatchAccountEventsResponse> watchAccountEvents(WatchAccountEventsRequest request) {
    return caller.stream(ActivationServiceGrpc.getWatchAccountEventsMethod(), request);
  }
}
