package io.resourceplans.server;

import static io.resourceplans.server.testing.AccessFixtures.subUserKey;
import static io.resourceplans.server.testing.AccessFixtures.submit;
import static io.resourceplans.server.testing.AccessFixtures.verifiedAccount;
import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.resourceplans.api.v1.ActivatePayAsYouGoRequest;
import io.resourceplans.api.v1.Activation;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetActivationStatusRequest;
import io.resourceplans.api.v1.GetActivationStatusResponse;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.ListActivationsRequest;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.ProductUsability;
import io.resourceplans.api.v1.PublishTermsVersionRequest;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.UpdateDefaultRegionRequest;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uses the default catalog's products (sms-domestic, sms-international, mail). */
@Tag("citus")
class ActivationTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  /** One test publishes a newer agreement, so the others read the current one. */
  private static String currentAgreement() {
    return server.plan(TestServer.OPERATOR_KEY)
        .getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(TermsKind.TERMS_KIND_PAY_AS_YOU_GO).build())
        .getTerms()
        .getVersion();
  }

  private static ActivatePayAsYouGoRequest.Builder activation(String productId, String regionId) {
    return ActivatePayAsYouGoRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(productId)
        .setRegionId(regionId)
        .setAcceptedAgreementVersion(currentAgreement());
  }

  private static Activation activate(String key, String productId, String regionId) {
    return server.activation(key).activatePayAsYouGo(activation(productId, regionId).build()).getActivation();
  }

  private static GetActivationStatusResponse status(String key, String productId, String regionId) {
    return server.activation(key)
        .getActivationStatus(
            GetActivationStatusRequest.newBuilder().setProductId(productId).setRegionId(regionId).build());
  }

  private static String accountId(String key) {
    return server.activation(key).getAccount(GetAccountRequest.getDefaultInstance()).getAccount().getAccountId();
  }

  private static long activationsOf(String accountId) {
    return server.jdbi().withHandle(h ->
        h.createQuery("select count(*) from pay_as_you_go_activations where account_id = :a")
            .bind("a", accountId).mapTo(Long.class).one());
  }

  private static List<Map<String, Object>> acceptancesOf(String accountId) {
    return server.jdbi().withHandle(h ->
        h.createQuery("select kind, version, accepted_by, subject, accept_time from terms_acceptances where account_id = :a")
            .bind("a", accountId).mapToMap().list());
  }

  private static String metadata(StatusRuntimeException e, String key) {
    return Errors.details(e, ErrorInfo.class).get(0).getMetadataOrThrow(key);
  }

  @Test
  void anUnverifiedAccountCannotActivateAndNothingIsStored() {
    String main = server.newAccount("Unverified Co").getApiKeySecret();
    var e = assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "IDENTITY_NOT_VERIFIED",
        () -> activate(main, "sms-domestic", "ap-southeast-1"));
    assertEquals("UNVERIFIED", metadata(e, "identity_verification_state"));
    submit(server, main, "P1234567");
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "IDENTITY_NOT_VERIFIED",
        () -> activate(main, "sms-domestic", "ap-southeast-1"));
    assertEquals(0, activationsOf(accountId(main)));
    assertEquals(List.of(), acceptancesOf(accountId(main)));
  }

  @Test
  void aVerifiedAccountActivatesAcceptingTheCurrentAgreement() {
    String main = verifiedAccount(server, "Activate Co");
    String accountId = accountId(main);
    Activation activation = activate(main, "mail", "ap-southeast-1");
    assertEquals("mail", activation.getProductId());
    assertEquals("ap-southeast-1", activation.getRegionId());
    assertEquals(currentAgreement(), activation.getAcceptedAgreementVersion());
    assertEquals(Timestamps.of(server.clock.instant()), activation.getActivateTime());
    assertEquals(1, activationsOf(accountId));

    var acceptances = acceptancesOf(accountId);
    assertEquals(1, acceptances.size());
    assertEquals("PAY_AS_YOU_GO", acceptances.get(0).get("kind"));
    assertEquals(currentAgreement(), acceptances.get(0).get("version"));
    assertEquals("activation:mail/ap-southeast-1", acceptances.get(0).get("subject"));
    assertTrue(((String) acceptances.get(0).get("accepted_by")).startsWith("key-"), "the main key accepted it");
  }

  @Test
  void activatingAgainReturnsTheSameActivationUnchanged() {
    String main = verifiedAccount(server, "Twice Active Co");
    Activation first = activate(main, "sms-international", "ap-southeast-1");
    server.clock.advance(Duration.ofHours(3));
    Activation second = activate(main, "sms-international", "ap-southeast-1");
    assertEquals(first, second);
    var request = activation("sms-international", "ap-southeast-1").build();
    assertEquals(first, server.activation(main).activatePayAsYouGo(request).getActivation());
    assertEquals(first, server.activation(main).activatePayAsYouGo(request).getActivation());
    assertEquals(1, activationsOf(accountId(main)));
    assertEquals(1, acceptancesOf(accountId(main)).size(), "the agreement was accepted once");
  }

  @Test
  void anOutdatedOrUnknownAgreementIsRefused() {
    String main = verifiedAccount(server, "Outdated Co");
    String current = currentAgreement();
    var e = assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "TERMS_VERSION_OUTDATED",
        () -> server.activation(main).activatePayAsYouGo(
            activation("sms-domestic", "ap-southeast-1").setAcceptedAgreementVersion("2025-01").build()));
    assertEquals(current, metadata(e, "current_version"));
    assertInvalid(
        () -> server.activation(main).activatePayAsYouGo(
            activation("sms-domestic", "ap-southeast-1").clearAcceptedAgreementVersion().build()),
        "accepted_agreement_version");
    assertEquals(0, activationsOf(accountId(main)));
  }

  @Test
  void publishingANewAgreementOutdatesTheOldOneAtOnce() {
    String main = verifiedAccount(server, "New Terms Co");
    String old = currentAgreement();
    Activation before = activate(main, "sms-domestic", "ap-southeast-1");
    server.operator().publishTermsVersion(
        PublishTermsVersionRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setKind(TermsKind.TERMS_KIND_PAY_AS_YOU_GO)
            .setVersion("2026-11")
            .setTitle("Pay-as-you-go Activation Agreement")
            .setUrl("https://resourceplans.io/terms/pay-as-you-go/2026-11")
            .build());
    var e = assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "TERMS_VERSION_OUTDATED",
        () -> server.activation(main).activatePayAsYouGo(
            activation("mail", "ap-southeast-1").setAcceptedAgreementVersion(old).build()));
    assertEquals("2026-11", metadata(e, "current_version"));
    Activation fresh = activate(main, "mail", "ap-southeast-1");
    assertEquals("2026-11", fresh.getAcceptedAgreementVersion());
    assertEquals(before, activate(main, "sms-domestic", "ap-southeast-1"),
        "an existing activation keeps the version it was accepted with");
  }

  @Test
  void subUsersActivateOnlyWithProductAndOrderAccess() {
    String main = verifiedAccount(server, "Sub Activate Co");
    String productOnly = subUserKey(server, main, Permission.PERMISSION_PRODUCT_ACCESS);
    String orderOnly = subUserKey(server, main, Permission.PERMISSION_ORDER_ACCESS);
    String both = subUserKey(server, main, Permission.PERMISSION_PRODUCT_ACCESS, Permission.PERMISSION_ORDER_ACCESS);
    var e = assertRefused(
        Status.Code.PERMISSION_DENIED,
        "PERMISSION_MISSING",
        () -> activate(productOnly, "sms-domestic", "ap-southeast-1"));
    assertEquals("PERMISSION_ORDER_ACCESS", metadata(e, "permission"));
    e = assertRefused(
        Status.Code.PERMISSION_DENIED,
        "PERMISSION_MISSING",
        () -> activate(orderOnly, "sms-domestic", "ap-southeast-1"));
    assertEquals("PERMISSION_PRODUCT_ACCESS", metadata(e, "permission"));
    assertEquals(0, activationsOf(accountId(main)));

    activate(both, "sms-domestic", "ap-southeast-1");
    var acceptances = acceptancesOf(accountId(main));
    assertEquals(1, acceptances.size());
    assertTrue(((String) acceptances.get(0).get("accepted_by")).startsWith("usr-"), "the sub-user accepted it");
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "ACCOUNT_ONLY",
        () -> activate(TestServer.OPERATOR_KEY, "sms-domestic", "ap-southeast-1"));
  }

  @Test
  void anUnknownProductOrRegionIsNotFound() {
    String main = verifiedAccount(server, "Unknown Co");
    assertRefused(Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND", () -> activate(main, "no-such-product", "ap-southeast-1"));
    assertRefused(Status.Code.NOT_FOUND, "REGION_NOT_FOUND", () -> activate(main, "mail", "xx-nowhere-1"));
    assertRefused(Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND", () -> status(main, "no-such-product", "ap-southeast-1"));
    assertRefused(Status.Code.NOT_FOUND, "REGION_NOT_FOUND", () -> status(main, "mail", "xx-nowhere-1"));
    assertEquals(0, activationsOf(accountId(main)));
  }

  @Test
  void activationIsPerRegion() {
    String main = verifiedAccount(server, "Regional Co");
    activate(main, "sms-domestic", "cn-hangzhou");
    assertEquals(ProductUsability.PRODUCT_USABILITY_PAY_AS_YOU_GO, status(main, "sms-domestic", "cn-hangzhou").getUsability());
    assertEquals(ProductUsability.PRODUCT_USABILITY_ACTIVATE_OR_BUY, status(main, "sms-domestic", "ap-southeast-1").getUsability());
  }

  @Test
  void statusPromptsToActivateUntilPayAsYouGoIsActive() {
    String unverified = server.newAccount("Status New Co").getApiKeySecret();
    var fresh = status(unverified, "mail", "ap-southeast-1");
    assertEquals(ProductUsability.PRODUCT_USABILITY_ACTIVATE_OR_BUY, fresh.getUsability());
    assertFalse(fresh.getPayAsYouGoActive());
    assertFalse(fresh.hasActivation());
    assertEquals(0, fresh.getActivePackageCount());
    assertEquals(0, fresh.getPackageRemainingQuantity());
    assertTrue(fresh.getIdentityVerificationRequired());

    String main = verifiedAccount(server, "Status Co");
    var before = status(main, "mail", "ap-southeast-1");
    assertEquals(ProductUsability.PRODUCT_USABILITY_ACTIVATE_OR_BUY, before.getUsability());
    assertFalse(before.getIdentityVerificationRequired());
    Activation activation = activate(main, "mail", "ap-southeast-1");
    var after = status(main, "mail", "ap-southeast-1");
    assertEquals(ProductUsability.PRODUCT_USABILITY_PAY_AS_YOU_GO, after.getUsability());
    assertTrue(after.getPayAsYouGoActive());
    assertEquals(activation, after.getActivation());
    assertEquals("mail", after.getProductId());
    assertEquals("ap-southeast-1", after.getRegionId());
  }

  @Test
  void statusWithoutARegionAnswersForTheDefaultRegion() {
    String main = verifiedAccount(server, "Default Region Co");
    server.activation(main).updateDefaultRegion(
        UpdateDefaultRegionRequest.newBuilder().setRequestId(TestServer.requestId()).setRegionId("cn-hangzhou").build());
    activate(main, "mail", "cn-hangzhou");
    var status = server.activation(main)
        .getActivationStatus(GetActivationStatusRequest.newBuilder().setProductId("mail").build());
    assertEquals("cn-hangzhou", status.getRegionId());
    assertEquals(ProductUsability.PRODUCT_USABILITY_PAY_AS_YOU_GO, status.getUsability());
  }

  @Test
  void subUsersReadStatusAndActivationsWithProductAccess() {
    String main = verifiedAccount(server, "Reader Sub Co");
    activate(main, "mail", "ap-southeast-1");
    String reader = subUserKey(server, main, Permission.PERMISSION_PRODUCT_ACCESS);
    String orderOnly = subUserKey(server, main, Permission.PERMISSION_ORDER_ACCESS);
    assertEquals(ProductUsability.PRODUCT_USABILITY_PAY_AS_YOU_GO, status(reader, "mail", "ap-southeast-1").getUsability());
    assertEquals(1, server.activation(reader).listActivations(ListActivationsRequest.getDefaultInstance()).getActivationsCount());
    var e = assertRefused(Status.Code.PERMISSION_DENIED, "PERMISSION_MISSING", () -> status(orderOnly, "mail", "ap-southeast-1"));
    assertEquals("PERMISSION_PRODUCT_ACCESS", metadata(e, "permission"));
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "PERMISSION_MISSING",
        () -> server.activation(orderOnly).listActivations(ListActivationsRequest.getDefaultInstance()));
  }

  @Test
  void activationsAreListedByProductThenRegionAndStayWithinTheAccount() {
    String main = verifiedAccount(server, "Lister Co");
    String other = verifiedAccount(server, "Other Lister Co");
    activate(main, "sms-domestic", "cn-hangzhou");
    activate(main, "mail", "cn-hangzhou");
    activate(main, "sms-domestic", "ap-southeast-1");
    activate(main, "mail", "ap-southeast-1");
    activate(other, "sms-international", "ap-southeast-1");

    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      var page = server.activation(main).listActivations(
          ListActivationsRequest.newBuilder().setPageSize(3).setPageToken(token).build());
      page.getActivationsList().forEach(a -> seen.add(a.getProductId() + "/" + a.getRegionId()));
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());
    assertEquals(
        List.of("mail/ap-southeast-1", "mail/cn-hangzhou", "sms-domestic/ap-southeast-1", "sms-domestic/cn-hangzhou"),
        seen);
    assertEquals(2, pages);
    assertEquals(
        List.of("sms-international"),
        server.activation(other).listActivations(ListActivationsRequest.getDefaultInstance())
            .getActivationsList().stream().map(Activation::getProductId).toList());
    assertInvalid(
        () -> server.activation(main).listActivations(
            ListActivationsRequest.newBuilder().setPageToken("MDo6bm8tc2xhc2g").build()),
        "page_token");
  }
}
