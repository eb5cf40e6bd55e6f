package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.grpc.Status;
import io.resourceplans.api.v1.ActivatePayAsYouGoRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.GetActivationStatusRequest;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.ListRegionsRequest;
import io.resourceplans.api.v1.Order;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.Region;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.UpdateDefaultRegionRequest;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.TestServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;

/**
 * What ListRegions says about a region is what the rules then do, region by region: choosing it as
 * default region, buying there and activating pay-as-you-go there, unverified and verified; and an
 * empty region where the contract makes it optional means the account's default region.
 */
class RegionRulesTest {
  private static final String PRODUCT = "sms-domestic";
  private static final String SPEC = "sms-domestic-custom";

  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  @TestFactory
  Stream<DynamicTest> everyRegionsFlagsMatchWhatAnUnverifiedAndAVerifiedAccountMayDo() {
    CreateAccountResponse reader = server.newAccount("Region Reader");
    List<Region> regions = server.activation(reader.getApiKeySecret())
        .listRegions(ListRegionsRequest.getDefaultInstance()).getRegionsList();
    assertTrue(regions.size() >= 2, "the default catalogue has Singapore and Hangzhou");
    return regions.stream().map(region -> dynamicTest(region.getRegionId(), () -> check(region)));
  }

  private static void check(Region region) {
    String id = region.getRegionId();
    CreateAccountResponse unverified = server.newAccount("Unverified in " + id);
    String key = unverified.getApiKeySecret();
    Buyers.fund(server, unverified, "1000.00", null);

    if (region.getDefaultRegionRequiresIdentityVerification()) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "IDENTITY_NOT_VERIFIED", () -> chooseDefault(key, id));
    } else {
      assertEquals(id, chooseDefault(key, id));
    }
    boolean purchaseNeedsVerification = region.getPurchaseRequiresIdentityVerification();
    assertEquals(
        purchaseNeedsVerification,
        server.activation(key).getActivationStatus(
            GetActivationStatusRequest.newBuilder().setProductId(PRODUCT).setRegionId(id).build())
            .getIdentityVerificationRequired(),
        "GetActivationStatus agrees with ListRegions");
    if (purchaseNeedsVerification) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "IDENTITY_NOT_VERIFIED", () -> order(key, id));
      assertRefused(Status.Code.FAILED_PRECONDITION, "IDENTITY_NOT_VERIFIED", () -> activate(key, id));
    } else {
      assertEquals(id, order(key, id).getRegionId());
      assertEquals(id, activate(key, id));
    }
    assertEquals(
        region.getRequiresIdentityVerification(),
        region.getDefaultRegionRequiresIdentityVerification() || purchaseNeedsVerification,
        "the deprecated flag is true when anything there needs verification");

    Buyers.verify(server, unverified);
    assertEquals(id, chooseDefault(key, id));
    assertEquals(id, order(key, id).getRegionId());
    assertEquals(id, activate(key, id));
    assertFalse(server.activation(key).getActivationStatus(
        GetActivationStatusRequest.newBuilder().setProductId(PRODUCT).setRegionId(id).build())
        .getIdentityVerificationRequired());
  }

  @Test
  void anOrderWithoutARegionIsForTheAccountsDefaultRegion() {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Default Region Buyer");
    String key = buyer.getApiKeySecret();
    Buyers.fund(server, buyer, "1000.00", null);
    assertEquals(buyer.getAccount().getDefaultRegionId(), order(key, "").getRegionId());

    chooseDefault(key, "cn-hangzhou");
    assertEquals("cn-hangzhou", order(key, "").getRegionId());
  }

  private static String chooseDefault(String key, String regionId) {
    return server.activation(key)
        .updateDefaultRegion(UpdateDefaultRegionRequest.newBuilder()
            .setRequestId(TestServer.requestId()).setRegionId(regionId).build())
        .getAccount().getDefaultRegionId();
  }

  private static Order order(String key, String regionId) {
    return server.plan(key)
        .createOrder(CreateOrderRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setPlanSpecId(SPEC)
            .setQuantity(1000)
            .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
            .setRegionId(regionId)
            .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key))
            .build())
        .getOrder();
  }

  private static String activate(String key, String regionId) {
    String agreement = server.plan(key)
        .getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(TermsKind.TERMS_KIND_PAY_AS_YOU_GO).build())
        .getTerms().getVersion();
    return server.activation(key)
        .activatePayAsYouGo(ActivatePayAsYouGoRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setProductId(PRODUCT)
            .setRegionId(regionId)
            .setAcceptedAgreementVersion(agreement)
            .build())
        .getActivation().getRegionId();
  }
}
