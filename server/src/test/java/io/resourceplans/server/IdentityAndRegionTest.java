package io.resourceplans.server;

import static io.resourceplans.server.testing.AccessFixtures.submit;
import static io.resourceplans.server.testing.AccessFixtures.subUserKey;
import static io.resourceplans.server.testing.AccessFixtures.verifiedAccount;
import static io.resourceplans.server.testing.AccessFixtures.verify;
import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Errors.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetIdentityVerificationRequest;
import io.resourceplans.api.v1.IdentityReviewDecision;
import io.resourceplans.api.v1.IdentitySubjectType;
import io.resourceplans.api.v1.IdentityVerification;
import io.resourceplans.api.v1.IdentityVerificationState;
import io.resourceplans.api.v1.ListIdentityVerificationsRequest;
import io.resourceplans.api.v1.ListRegionsRequest;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.Region;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import io.resourceplans.api.v1.UpdateDefaultRegionRequest;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdentityAndRegionTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static IdentityVerificationState accountState(String key) {
    return server.activation(key).getAccount(GetAccountRequest.getDefaultInstance()).getAccount()
        .getIdentityVerificationState();
  }

  private static ReviewIdentityVerificationRequest.Builder review(String id, IdentityReviewDecision decision) {
    return ReviewIdentityVerificationRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setIdentityVerificationId(id)
        .setDecision(decision);
  }

  private static ReviewIdentityVerificationRequest reject(String id, String reason) {
    return review(id, IdentityReviewDecision.IDENTITY_REVIEW_DECISION_REJECT).setRejectionReason(reason).build();
  }

  private static ReviewIdentityVerificationRequest approve(String id) {
    return review(id, IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE).build();
  }

  private static SubmitIdentityVerificationRequest.Builder submission(String requestId) {
    return SubmitIdentityVerificationRequest.newBuilder()
        .setRequestId(requestId)
        .setSubjectType(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_ENTERPRISE)
        .setLegalName("Example Trading Co., Ltd.")
        .setDocumentNumber("91350100M000100Y43");
  }

  private static UpdateDefaultRegionRequest region(String regionId) {
    return UpdateDefaultRegionRequest.newBuilder().setRequestId(TestServer.requestId()).setRegionId(regionId).build();
  }

  private static long submissionsOf(String accountId) {
    return server.jdbi().withHandle(h ->
        h.createQuery("select count(*) from identity_verifications where account_id = :a")
            .bind("a", accountId).mapTo(Long.class).one());
  }

  // --- identity verification -------------------------------------------------------------

  @Test
  void submittedVerificationIsPendingUntilTheOperatorApprovesIt() {
    var created = server.newAccount("Approve Co");
    String main = created.getApiKeySecret();
    IdentityVerification submitted =
        server.activation(main).submitIdentityVerification(submission(TestServer.requestId()).build())
            .getIdentityVerification();
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_PENDING, submitted.getState());
    assertEquals(created.getAccount().getAccountId(), submitted.getAccountId());
    assertEquals(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_ENTERPRISE, submitted.getSubjectType());
    assertEquals("Example Trading Co., Ltd.", submitted.getLegalName());
    assertEquals("**************0Y43", submitted.getDocumentNumberMasked());
    assertTrue(submitted.getIdentityVerificationId().startsWith("idv-"));
    assertFalse(submitted.hasReviewTime());
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_PENDING, accountState(main));
    assertEquals(
        submitted,
        server.activation(main).getIdentityVerification(GetIdentityVerificationRequest.getDefaultInstance())
            .getIdentityVerification());

    server.clock.advance(Duration.ofHours(2));
    var reviewed = server.operator().reviewIdentityVerification(approve(submitted.getIdentityVerificationId()));
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_VERIFIED, reviewed.getIdentityVerification().getState());
    assertTrue(reviewed.getIdentityVerification().hasReviewTime());
    assertEquals("", reviewed.getIdentityVerification().getRejectionReason());
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_VERIFIED, reviewed.getAccount().getIdentityVerificationState());
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_VERIFIED, accountState(main));
    assertEquals(
        reviewed.getIdentityVerification(),
        server.activation(main).getIdentityVerification(GetIdentityVerificationRequest.getDefaultInstance())
            .getIdentityVerification());
  }

  @Test
  void aVerifiedAccountHasNothingToSubmit() {
    var created = server.newAccount("Done Co");
    String main = created.getApiKeySecret();
    verify(server, main);
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "IDENTITY_ALREADY_VERIFIED",
        () -> server.activation(main).submitIdentityVerification(submission(TestServer.requestId()).build()));
    assertEquals(1, submissionsOf(created.getAccount().getAccountId()));
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_VERIFIED, accountState(main));
  }

  @Test
  void aRejectedAccountLearnsWhyAndMaySubmitAgain() {
    var created = server.newAccount("Reject Co");
    String main = created.getApiKeySecret();
    var first = submit(server, main, "E12345678");
    var rejected = server.operator().reviewIdentityVerification(reject(first.getIdentityVerificationId(), "document unreadable"));
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_REJECTED, rejected.getIdentityVerification().getState());
    assertEquals("document unreadable", rejected.getIdentityVerification().getRejectionReason());
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_REJECTED, rejected.getAccount().getIdentityVerificationState());
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_REJECTED, accountState(main));
    assertEquals(
        "document unreadable",
        server.activation(main).getIdentityVerification(GetIdentityVerificationRequest.getDefaultInstance())
            .getIdentityVerification().getRejectionReason());

    server.clock.advance(Duration.ofMinutes(1));
    var second = submit(server, main, "E12345679");
    assertNotEquals(first.getIdentityVerificationId(), second.getIdentityVerificationId());
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_PENDING, accountState(main));
    assertEquals(
        second,
        server.activation(main).getIdentityVerification(GetIdentityVerificationRequest.getDefaultInstance())
            .getIdentityVerification(),
        "the latest submission is the one shown");
  }

  @Test
  void aSecondSubmissionWhileOneIsPendingIsRefusedAndChangesNothing() {
    var created = server.newAccount("Twice Co");
    String main = created.getApiKeySecret();
    submit(server, main, "G1234567");
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "IDENTITY_VERIFICATION_PENDING",
        () -> server.activation(main).submitIdentityVerification(submission(TestServer.requestId()).build()));
    assertEquals(1, submissionsOf(created.getAccount().getAccountId()));
  }

  @Test
  void retryingASubmissionReturnsTheFirstAnswer() {
    var created = server.newAccount("Retry Submit Co");
    String main = created.getApiKeySecret();
    String requestId = TestServer.requestId();
    var first = server.activation(main).submitIdentityVerification(submission(requestId).build());
    var retry = server.activation(main).submitIdentityVerification(submission(requestId).build());
    assertEquals(first, retry);
    assertEquals(1, submissionsOf(created.getAccount().getAccountId()));
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "IDEMPOTENCY_KEY_REUSED",
        () -> server.activation(main).submitIdentityVerification(submission(requestId).setLegalName("Other Name").build()));
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "IDEMPOTENCY_KEY_REUSED",
        () -> server.activation(main).submitIdentityVerification(submission(requestId).setDocumentNumber("91350100M000100Y44").build()));
  }

  @Test
  void theDocumentNumberIsNeverReturnedNorStoredInClear() {
    String number = "330106198807154321";
    String main = server.newAccount("Private Co").getApiKeySecret();
    var submitted = submit(server, main, number);
    var listed =
        server.operator()
            .listIdentityVerifications(ListIdentityVerificationsRequest.newBuilder().setAccountId(submitted.getAccountId()).build());
    var reviewed = server.operator().reviewIdentityVerification(approve(submitted.getIdentityVerificationId()));
    for (String answer : List.of(submitted.toString(), listed.toString(), reviewed.toString())) {
      assertFalse(answer.contains("33010619880715"), answer);
    }
    assertEquals("**************4321", submitted.getDocumentNumberMasked());

    // Every column of every table, as text; bytea columns show as hex.
    String hex = java.util.HexFormat.of().formatHex(number.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> tables =
        server.jdbi().withHandle(h ->
            h.createQuery("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
                .mapTo(String.class).list());
    assertTrue(tables.contains("identity_verifications"));
    assertTrue(tables.contains("idempotency_records"));
    long controls =
        server.jdbi().withHandle(h ->
            h.createQuery("select count(*) from identity_verifications t where t::text like :masked")
                .bind("masked", "%**************4321%").mapTo(Long.class).one());
    assertEquals(1, controls, "the scan below sees the masked form, so it would see the number");
    for (String table : tables) {
      long hits =
          server.jdbi().withHandle(h ->
              h.createQuery("select count(*) from " + table + " t where t::text like :clear or t::text like :hex")
                  .bind("clear", "%" + number.substring(0, 14) + "%")
                  .bind("hex", "%" + hex.substring(0, 28) + "%")
                  .mapTo(Long.class).one());
      assertEquals(0, hits, "document number found in " + table);
    }
  }

  @Test
  void nothingSubmittedYetIsNotFound() {
    String main = server.newAccount("Nothing Co").getApiKeySecret();
    assertRefused(
        Status.Code.NOT_FOUND,
        "IDENTITY_VERIFICATION_NOT_FOUND",
        () -> server.activation(main).getIdentityVerification(GetIdentityVerificationRequest.getDefaultInstance()));
  }

  @Test
  void anAccountSeesOnlyItsOwnSubmission() {
    String alice = server.newAccount("Alice Co").getApiKeySecret();
    String bob = server.newAccount("Bob Co").getApiKeySecret();
    var alices = submit(server, alice, "A1234567");
    assertRefused(
        Status.Code.NOT_FOUND,
        "IDENTITY_VERIFICATION_NOT_FOUND",
        () -> server.activation(bob).getIdentityVerification(GetIdentityVerificationRequest.getDefaultInstance()));
    var bobs = submit(server, bob, "B1234567");
    assertEquals(
        bobs.getIdentityVerificationId(),
        server.activation(bob).getIdentityVerification(GetIdentityVerificationRequest.getDefaultInstance())
            .getIdentityVerification().getIdentityVerificationId());
    assertNotEquals(alices.getIdentityVerificationId(), bobs.getIdentityVerificationId());
  }

  @Test
  void onlyTheMainKeySubmitsAndOnlyTheOperatorReviews() {
    String main = server.newAccount("Roles Co").getApiKeySecret();
    String sub = subUserKey(server, main, Permission.PERMISSION_PRODUCT_ACCESS, Permission.PERMISSION_ORDER_ACCESS);
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "MAIN_ACCOUNT_ONLY",
        () -> server.activation(sub).submitIdentityVerification(submission(TestServer.requestId()).build()));
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "MAIN_ACCOUNT_ONLY",
        () -> server.activation(sub).getIdentityVerification(GetIdentityVerificationRequest.getDefaultInstance()));
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "ACCOUNT_ONLY",
        () -> server.activation(TestServer.OPERATOR_KEY).submitIdentityVerification(submission(TestServer.requestId()).build()));
    var submitted = submit(server, main, "R1234567");
    String id = submitted.getIdentityVerificationId();
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "OPERATOR_ONLY",
        () -> io.resourceplans.api.v1.OperatorServiceGrpc.newBlockingStub(server.channel())
            .withCallCredentials(TestServer.bearer(main))
            .reviewIdentityVerification(approve(id)));
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "OPERATOR_ONLY",
        () -> io.resourceplans.api.v1.OperatorServiceGrpc.newBlockingStub(server.channel())
            .withCallCredentials(TestServer.bearer(main))
            .listIdentityVerifications(ListIdentityVerificationsRequest.getDefaultInstance()));
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_PENDING, accountState(main));
  }

  @Test
  void aReviewedSubmissionCannotBeReviewedAgain() {
    String main = server.newAccount("Final Co").getApiKeySecret();
    String id = submit(server, main, "F1234567").getIdentityVerificationId();
    server.operator().reviewIdentityVerification(approve(id));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "IDENTITY_VERIFICATION_NOT_PENDING",
        () -> server.operator().reviewIdentityVerification(reject(id, "changed my mind")));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "IDENTITY_VERIFICATION_NOT_PENDING",
        () -> server.operator().reviewIdentityVerification(approve(id)));
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_VERIFIED, accountState(main));
  }

  @Test
  void reviewingAnUnknownSubmissionIsNotFound() {
    assertRefused(
        Status.Code.NOT_FOUND,
        "IDENTITY_VERIFICATION_NOT_FOUND",
        () -> server.operator().reviewIdentityVerification(approve("idv-0000000000000000")));
  }

  @Test
  void rejectingNeedsAReasonAndApprovingTakesNone() {
    String main = server.newAccount("Reason Co").getApiKeySecret();
    String id = submit(server, main, "Q1234567").getIdentityVerificationId();
    assertStatus(
        Status.Code.INVALID_ARGUMENT,
        () -> server.operator().reviewIdentityVerification(reject(id, "")));
    assertInvalid(
        () -> server.operator().reviewIdentityVerification(reject(id, "   ")),
        "rejection_reason");
    assertStatus(
        Status.Code.INVALID_ARGUMENT,
        () -> server.operator().reviewIdentityVerification(
            review(id, IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE).setRejectionReason("fine").build()));
    assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_PENDING, accountState(main));
  }

  @Test
  void theOperatorQueueListsPendingSubmissionsOfEveryAccountOldestFirst() {
    String a = server.newAccount("Queue A").getApiKeySecret();
    String b = server.newAccount("Queue B").getApiKeySecret();
    String c = server.newAccount("Queue C").getApiKeySecret();
    var first = submit(server, a, "QA123456");
    server.clock.advance(Duration.ofSeconds(1));
    var second = submit(server, b, "QB123456");
    server.clock.advance(Duration.ofSeconds(1));
    var third = submit(server, c, "QC123456");
    server.operator().reviewIdentityVerification(approve(second.getIdentityVerificationId()));

    List<String> pending = new ArrayList<>();
    String token = "";
    do {
      var page = server.operator().listIdentityVerifications(
          ListIdentityVerificationsRequest.newBuilder().setPageSize(1).setPageToken(token).build());
      page.getIdentityVerificationsList().forEach(v -> {
        assertEquals(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_PENDING, v.getState());
        pending.add(v.getIdentityVerificationId());
      });
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertTrue(pending.indexOf(first.getIdentityVerificationId()) >= 0);
    assertTrue(pending.indexOf(first.getIdentityVerificationId()) < pending.indexOf(third.getIdentityVerificationId()));
    assertFalse(pending.contains(second.getIdentityVerificationId()));
    assertEquals(pending.size(), pending.stream().distinct().count());

    var verified = server.operator().listIdentityVerifications(
        ListIdentityVerificationsRequest.newBuilder()
            .setState(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_VERIFIED)
            .setAccountId(second.getAccountId())
            .build());
    assertEquals(
        List.of(second.getIdentityVerificationId()),
        verified.getIdentityVerificationsList().stream().map(IdentityVerification::getIdentityVerificationId).toList());
    var ofA = server.operator().listIdentityVerifications(
        ListIdentityVerificationsRequest.newBuilder().setAccountId(first.getAccountId()).build());
    assertEquals(List.of(first), ofA.getIdentityVerificationsList());
  }

  @Test
  void aQueueTokenWorksOnlyWithTheFiltersItWasIssuedFor() {
    var a = submit(server, server.newAccount("Token A").getApiKeySecret(), "TA123456");
    submit(server, server.newAccount("Token B").getApiKeySecret(), "TB123456");
    var page1 = server.operator().listIdentityVerifications(
        ListIdentityVerificationsRequest.newBuilder().setPageSize(1).build());
    String token = page1.getNextPageToken();
    assertNotEquals("", token);
    assertInvalid(
        () -> server.operator().listIdentityVerifications(
            ListIdentityVerificationsRequest.newBuilder().setPageSize(1).setPageToken(token)
                .setState(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_VERIFIED).build()),
        "page_token");
    assertInvalid(
        () -> server.operator().listIdentityVerifications(
            ListIdentityVerificationsRequest.newBuilder().setPageSize(1).setPageToken(token)
                .setAccountId(a.getAccountId()).build()),
        "page_token");
    // Reviewing what was just listed, as an operator working through the queue does, keeps the
    // token good.
    server.operator().reviewIdentityVerification(approve(page1.getIdentityVerifications(0).getIdentityVerificationId()));
    var page2 = server.operator().listIdentityVerifications(
        ListIdentityVerificationsRequest.newBuilder().setPageSize(1).setPageToken(token).build());
    assertEquals(1, page2.getIdentityVerificationsCount());
    assertNotEquals(page1.getIdentityVerifications(0), page2.getIdentityVerifications(0));
  }

  @Test
  void theQueueCannotBeFilteredOnUnverified() {
    assertInvalid(
        () -> server.operator().listIdentityVerifications(
            ListIdentityVerificationsRequest.newBuilder()
                .setState(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_UNVERIFIED).build()),
        "state");
  }

  // --- regions ---------------------------------------------------------------------------

  @Test
  void regionsSayWhichRequireVerification() {
    String main = server.newAccount("Regions Co").getApiKeySecret();
    var regions = server.activation(main).listRegions(ListRegionsRequest.getDefaultInstance());
    assertEquals(
        List.of(
            Region.newBuilder().setRegionId("ap-southeast-1").setDisplayName("Singapore")
                .setPurchaseRequiresIdentityVerification(true)
                .setRequiresIdentityVerification(true).build(),
            Region.newBuilder().setRegionId("cn-hangzhou").setDisplayName("China (Hangzhou)")
                .setDefaultRegionRequiresIdentityVerification(true)
                .setPurchaseRequiresIdentityVerification(true)
                .setRequiresIdentityVerification(true).build()),
        regions.getRegionsList());
    assertEquals("", regions.getNextPageToken());
    assertEquals(regions, server.activation(TestServer.OPERATOR_KEY).listRegions(ListRegionsRequest.getDefaultInstance()),
        "any authenticated caller may list regions");
  }

  @Test
  void regionsPageByRegionId() {
    var first = server.activation(TestServer.OPERATOR_KEY).listRegions(ListRegionsRequest.getDefaultInstance());
    var page1 = server.activation(TestServer.OPERATOR_KEY).listRegions(ListRegionsRequest.newBuilder().setPageSize(1).build());
    assertEquals(List.of(first.getRegions(0)), page1.getRegionsList());
    assertNotEquals("", page1.getNextPageToken());
    var page2 = server.activation(TestServer.OPERATOR_KEY).listRegions(
        ListRegionsRequest.newBuilder().setPageSize(1).setPageToken(page1.getNextPageToken()).build());
    assertEquals(List.of(first.getRegions(1)), page2.getRegionsList());
    assertEquals("", page2.getNextPageToken());
  }

  @Test
  void anUnverifiedAccountCannotMoveToARegionThatRequiresVerification() {
    String main = server.newAccount("Hangzhou Co").getApiKeySecret();
    var e = assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "IDENTITY_NOT_VERIFIED",
        () -> server.activation(main).updateDefaultRegion(region("cn-hangzhou")));
    assertEquals(
        "cn-hangzhou",
        io.resourceplans.server.testing.Errors.details(e, com.google.rpc.ErrorInfo.class).get(0).getMetadataOrThrow("region_id"));
    submit(server, main, "H1234567");
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "IDENTITY_NOT_VERIFIED",
        () -> server.activation(main).updateDefaultRegion(region("cn-hangzhou")));
    assertEquals("ap-southeast-1", defaultRegion(main));
  }

  @Test
  void aVerifiedAccountMovesToARegionThatRequiresVerificationAndBack() {
    String main = server.newAccount("Mover Co").getApiKeySecret();
    verify(server, main);
    var moved = server.activation(main).updateDefaultRegion(region("cn-hangzhou"));
    assertEquals("cn-hangzhou", moved.getAccount().getDefaultRegionId());
    assertEquals("cn-hangzhou", defaultRegion(main));
    server.activation(main).updateDefaultRegion(region("ap-southeast-1"));
    assertEquals("ap-southeast-1", defaultRegion(main));
  }

  @Test
  void anUnverifiedAccountMayPickARegionThatDoesNotRequireVerification() {
    String main = server.newAccount("Stay Co").getApiKeySecret();
    var same = server.activation(main).updateDefaultRegion(region("ap-southeast-1"));
    assertEquals("ap-southeast-1", same.getAccount().getDefaultRegionId());
  }

  @Test
  void anUnknownRegionIsNotFoundAndChangesNothing() {
    String main = server.newAccount("Nowhere Co").getApiKeySecret();
    verify(server, main);
    assertRefused(
        Status.Code.NOT_FOUND,
        "REGION_NOT_FOUND",
        () -> server.activation(main).updateDefaultRegion(region("xx-nowhere-1")));
    assertEquals("ap-southeast-1", defaultRegion(main));
  }

  @Test
  void onlyTheMainKeyChangesTheDefaultRegion() {
    String main = verifiedAccount(server, "Sub Region Co");
    String sub = subUserKey(server, main, Permission.PERMISSION_PRODUCT_ACCESS, Permission.PERMISSION_ORDER_ACCESS);
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "MAIN_ACCOUNT_ONLY",
        () -> server.activation(sub).updateDefaultRegion(region("cn-hangzhou")));
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "ACCOUNT_ONLY",
        () -> server.activation(TestServer.OPERATOR_KEY).updateDefaultRegion(region("cn-hangzhou")));
    assertEquals("ap-southeast-1", defaultRegion(main));
  }

  private static String defaultRegion(String key) {
    return server.activation(key).getAccount(GetAccountRequest.getDefaultInstance()).getAccount().getDefaultRegionId();
  }
}
