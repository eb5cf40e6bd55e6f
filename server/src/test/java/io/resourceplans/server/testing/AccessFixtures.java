package io.resourceplans.server.testing;

import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.IdentityReviewDecision;
import io.resourceplans.api.v1.IdentitySubjectType;
import io.resourceplans.api.v1.IdentityVerification;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import java.util.List;

/** Set-ups around identity and sub-users that many tests need. */
public final class AccessFixtures {
  private AccessFixtures() {}

  /** A new account, verified by the operator; returns its main key's secret. */
  public static String verifiedAccount(TestServer server, String displayName) {
    String main = server.newAccount(displayName).getApiKeySecret();
    verify(server, main);
    return main;
  }

  /** Submits a personal verification for the account and has the operator approve it. */
  public static IdentityVerification verify(TestServer server, String mainKey) {
    IdentityVerification submitted = submit(server, mainKey, "11010519491231123X");
    return server.operator()
        .reviewIdentityVerification(
            ReviewIdentityVerificationRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setIdentityVerificationId(submitted.getIdentityVerificationId())
                .setDecision(IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE)
                .build())
        .getIdentityVerification();
  }

  public static IdentityVerification submit(TestServer server, String mainKey, String documentNumber) {
    return server.activation(mainKey)
        .submitIdentityVerification(
            SubmitIdentityVerificationRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setSubjectType(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_PERSONAL)
                .setLegalName("Li Lei")
                .setDocumentNumber(documentNumber)
                .build())
        .getIdentityVerification();
  }

  /** A sub-user of the account holding exactly these permissions; returns its API key's secret. */
  public static String subUserKey(TestServer server, String mainKey, Permission... permissions) {
    String subUserId =
        server.activation(mainKey)
            .createSubUser(
                CreateSubUserRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setDisplayName("sub-user")
                    .addAllPermissions(List.of(permissions))
                    .build())
            .getSubUser()
            .getSubUserId();
    return server.activation(mainKey)
        .createApiKey(
            CreateApiKeyRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setSubUserId(subUserId)
                .build())
        .getSecret();
  }
}
