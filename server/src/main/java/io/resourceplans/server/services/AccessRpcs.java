package io.resourceplans.server.services;

import io.grpc.Status;
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
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers for identity verification, regions, terms and pay-as-you-go activation; the gRPC service classes delegate here. */
@Singleton
public final class AccessRpcs {
  @Inject
  AccessRpcs() {}

  public void getCurrentTerms(GetCurrentTermsRequest request, StreamObserver<GetCurrentTermsResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GetCurrentTerms is not implemented yet").asRuntimeException();
  }

  public void publishTermsVersion(PublishTermsVersionRequest request, StreamObserver<PublishTermsVersionResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("PublishTermsVersion is not implemented yet").asRuntimeException();
  }

  public void listIdentityVerifications(ListIdentityVerificationsRequest request, StreamObserver<ListIdentityVerificationsResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ListIdentityVerifications is not implemented yet").asRuntimeException();
  }

  public void reviewIdentityVerification(ReviewIdentityVerificationRequest request, StreamObserver<ReviewIdentityVerificationResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ReviewIdentityVerification is not implemented yet").asRuntimeException();
  }

  public void submitIdentityVerification(SubmitIdentityVerificationRequest request, StreamObserver<SubmitIdentityVerificationResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("SubmitIdentityVerification is not implemented yet").asRuntimeException();
  }

  public void getIdentityVerification(GetIdentityVerificationRequest request, StreamObserver<GetIdentityVerificationResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GetIdentityVerification is not implemented yet").asRuntimeException();
  }

  public void listRegions(ListRegionsRequest request, StreamObserver<ListRegionsResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ListRegions is not implemented yet").asRuntimeException();
  }

  public void updateDefaultRegion(UpdateDefaultRegionRequest request, StreamObserver<UpdateDefaultRegionResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("UpdateDefaultRegion is not implemented yet").asRuntimeException();
  }

  public void activatePayAsYouGo(ActivatePayAsYouGoRequest request, StreamObserver<ActivatePayAsYouGoResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ActivatePayAsYouGo is not implemented yet").asRuntimeException();
  }

  public void getActivationStatus(GetActivationStatusRequest request, StreamObserver<GetActivationStatusResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GetActivationStatus is not implemented yet").asRuntimeException();
  }

  public void listActivations(ListActivationsRequest request, StreamObserver<ListActivationsResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ListActivations is not implemented yet").asRuntimeException();
  }
}
