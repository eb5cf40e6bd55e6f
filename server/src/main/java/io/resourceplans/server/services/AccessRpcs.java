package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.emptyToNull;
import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.ActivatePayAsYouGoRequest;
import io.resourceplans.api.v1.ActivatePayAsYouGoResponse;
import io.resourceplans.api.v1.GetActivationStatusRequest;
import io.resourceplans.api.v1.GetActivationStatusResponse;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.GetCurrentTermsResponse;
import io.resourceplans.api.v1.GetIdentityVerificationRequest;
import io.resourceplans.api.v1.GetIdentityVerificationResponse;
import io.resourceplans.api.v1.ListActivationsRequest;
import io.resourceplans.api.v1.ListActivationsResponse;
import io.resourceplans.api.v1.ListIdentityVerificationsRequest;
import io.resourceplans.api.v1.ListIdentityVerificationsResponse;
import io.resourceplans.api.v1.ListRegionsRequest;
import io.resourceplans.api.v1.ListRegionsResponse;
import io.resourceplans.api.v1.PublishTermsVersionRequest;
import io.resourceplans.api.v1.PublishTermsVersionResponse;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.ReviewIdentityVerificationResponse;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationResponse;
import io.resourceplans.api.v1.UpdateDefaultRegionRequest;
import io.resourceplans.api.v1.UpdateDefaultRegionResponse;
import io.resourceplans.domain.activation.ActivationService;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.identity.DocumentNumbers;
import io.resourceplans.domain.identity.IdentityVerificationService;
import io.resourceplans.domain.identity.NewIdentityVerification;
import io.resourceplans.domain.region.RegionService;
import io.resourceplans.domain.terms.TermsVersions;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.AccessMapper;
import io.resourceplans.server.mapping.AccountMapper;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers for identity verification, regions, terms and pay-as-you-go activation; the gRPC service classes delegate here. */
@Singleton
public final class AccessRpcs {
  static final int DEFAULT_REGION_PAGE_SIZE = 50;
  static final int DEFAULT_PAGE_SIZE = 20;

  private final CallRunner calls;
  private final TermsVersions termsVersions;
  private final IdentityVerificationService identity;
  private final RegionService regions;
  private final ActivationService activations;

  @Inject
  AccessRpcs(
      CallRunner calls,
      TermsVersions termsVersions,
      IdentityVerificationService identity,
      RegionService regions,
      ActivationService activations) {
    this.calls = calls;
    this.termsVersions = termsVersions;
    this.identity = identity;
    this.regions = regions;
    this.activations = activations;
  }

  public void getCurrentTerms(GetCurrentTermsRequest request, StreamObserver<GetCurrentTermsResponse> out) {
    var kind = AccessMapper.toDomain(request.getKind());
    var terms = calls.read(tx -> termsVersions.current(tx, kind));
    reply(out, GetCurrentTermsResponse.newBuilder().setTerms(AccessMapper.toProto(terms)).build());
  }

  public void publishTermsVersion(PublishTermsVersionRequest request, StreamObserver<PublishTermsVersionResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var kind = AccessMapper.toDomain(request.getKind());
    reply(
        out,
        calls.once(
            caller,
            request,
            PublishTermsVersionResponse.parser(),
            tx ->
                PublishTermsVersionResponse.newBuilder()
                    .setTerms(
                        AccessMapper.toProto(
                            termsVersions.publish(
                                tx, caller, kind, request.getVersion(), request.getTitle(), request.getUrl())))
                    .build()));
  }

  public void listIdentityVerifications(ListIdentityVerificationsRequest request, StreamObserver<ListIdentityVerificationsResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var state = AccessMapper.toDomainFilter(request.getState());
    PageRequest pageRequest = Pages.of(request, DEFAULT_PAGE_SIZE);
    var page =
        calls.read(
            tx -> identity.list(tx, caller, state, emptyToNull(request.getAccountId()), pageRequest));
    reply(
        out,
        ListIdentityVerificationsResponse.newBuilder()
            .addAllIdentityVerifications(page.items().stream().map(AccessMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  public void reviewIdentityVerification(ReviewIdentityVerificationRequest request, StreamObserver<ReviewIdentityVerificationResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var decision = AccessMapper.toDomain(request.getDecision());
    reply(
        out,
        calls.once(
            caller,
            request,
            ReviewIdentityVerificationResponse.parser(),
            tx -> {
              var reviewed =
                  identity.review(
                      tx, caller, request.getIdentityVerificationId(), decision, request.getRejectionReason());
              return ReviewIdentityVerificationResponse.newBuilder()
                  .setIdentityVerification(AccessMapper.toProto(reviewed.verification()))
                  .setAccount(AccountMapper.toProto(reviewed.account()))
                  .build();
            }));
  }

  public void submitIdentityVerification(SubmitIdentityVerificationRequest request, StreamObserver<SubmitIdentityVerificationResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    var submission =
        new NewIdentityVerification(
            AccessMapper.toDomain(request.getSubjectType()), request.getLegalName(), request.getDocumentNumber());
    // The idempotency fingerprint is a plain hash of the request: over the full document number it
    // would let anyone reading the database recover the number by trying candidates, so it covers
    // the masked form (a retry changing only hidden digits then gets the first answer back).
    var fingerprinted =
        request.toBuilder().setDocumentNumber(DocumentNumbers.mask(request.getDocumentNumber())).build();
    reply(
        out,
        calls.once(
            caller,
            fingerprinted,
            SubmitIdentityVerificationResponse.parser(),
            tx ->
                SubmitIdentityVerificationResponse.newBuilder()
                    .setIdentityVerification(AccessMapper.toProto(identity.submit(tx, caller, submission)))
                    .build()));
  }

  public void getIdentityVerification(GetIdentityVerificationRequest request, StreamObserver<GetIdentityVerificationResponse> out) {
    Principal caller = CallPrincipal.current();
    var latest = calls.read(tx -> identity.latest(tx, caller));
    reply(
        out,
        GetIdentityVerificationResponse.newBuilder()
            .setIdentityVerification(AccessMapper.toProto(latest))
            .build());
  }

  public void listRegions(ListRegionsRequest request, StreamObserver<ListRegionsResponse> out) {
    PageRequest pageRequest =
        Pages.of(request, DEFAULT_REGION_PAGE_SIZE);
    var page = calls.read(tx -> regions.list(tx, pageRequest));
    reply(
        out,
        ListRegionsResponse.newBuilder()
            .addAllRegions(page.items().stream().map(AccessMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  public void updateDefaultRegion(UpdateDefaultRegionRequest request, StreamObserver<UpdateDefaultRegionResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireMainAccount();
    reply(
        out,
        calls.once(
            caller,
            request,
            UpdateDefaultRegionResponse.parser(),
            tx ->
                UpdateDefaultRegionResponse.newBuilder()
                    .setAccount(
                        AccountMapper.toProto(regions.updateDefaultRegion(tx, caller, request.getRegionId())))
                    .build()));
  }

  public void activatePayAsYouGo(ActivatePayAsYouGoRequest request, StreamObserver<ActivatePayAsYouGoResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requirePermissions(Permission.PRODUCT_ACCESS, Permission.ORDER_ACCESS);
    reply(
        out,
        calls.once(
            caller,
            request,
            ActivatePayAsYouGoResponse.parser(),
            tx ->
                ActivatePayAsYouGoResponse.newBuilder()
                    .setActivation(
                        AccessMapper.toProto(
                            activations.activatePayAsYouGo(
                                tx,
                                caller,
                                request.getProductId(),
                                request.getRegionId(),
                                request.getAcceptedAgreementVersion())))
                    .build()));
  }

  public void getActivationStatus(GetActivationStatusRequest request, StreamObserver<GetActivationStatusResponse> out) {
    Principal caller = CallPrincipal.current();
    var status =
        calls.read(
            tx -> activations.status(tx, caller, request.getProductId(), emptyToNull(request.getRegionId())));
    reply(out, AccessMapper.toProto(status));
  }

  public void listActivations(ListActivationsRequest request, StreamObserver<ListActivationsResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest pageRequest = Pages.of(request, DEFAULT_PAGE_SIZE);
    var page = calls.read(tx -> activations.list(tx, caller, pageRequest));
    reply(
        out,
        ListActivationsResponse.newBuilder()
            .addAllActivations(page.items().stream().map(AccessMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }
}
