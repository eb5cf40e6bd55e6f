package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Errors.details;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.resourceplans.api.v1.ActivatePayAsYouGoRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetActivationStatusRequest;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.ProductUsability;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.UpdateDefaultRegionRequest;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 000 (Direct Mail purchase flow): RAM users need both permissions to buy, Singapore is the
 * default region, the Chinese mainland needs verification, pay-as-you-go activation is idempotent.
 */
@Tag("citus")
class Seed000AccessTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static String subUserKey(String mainKey, Permission... permissions) {
    var subUser =
        server.activation(mainKey)
            .createSubUser(
                CreateSubUserRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setDisplayName("ram user")
                    .addAllPermissions(java.util.List.of(permissions))
                    .build())
            .getSubUser();
    return server.activation(mainKey)
        .createApiKey(
            CreateApiKeyRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setSubUserId(subUser.getSubUserId())
                .setDisplayName("ram key")
                .build())
        .getSecret();
  }

  private static CreateOrderRequest mailOrder(String terms) {
    return CreateOrderRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setPlanSpecId("mail-10000")
        .setQuantity(1)
        .setPurpose(Purpose.PURPOSE_GENERAL)
        .setRegionId("ap-southeast-1")
        .setAcceptedTermsVersion(terms)
        .build();
  }

  @Test
  void subUsersNeedBothPermissionsToBuyAndPay() {
    CreateAccountResponse owner = Buyers.verifiedAccount(server, "Mail Owner");
    String main = owner.getApiKeySecret();
    String terms = Buyers.currentPlanTerms(server, main);
    String productOnly = subUserKey(main, Permission.PERMISSION_PRODUCT_ACCESS);
    String orderOnly = subUserKey(main, Permission.PERMISSION_ORDER_ACCESS);
    String both = subUserKey(main, Permission.PERMISSION_PRODUCT_ACCESS, Permission.PERMISSION_ORDER_ACCESS);

    var e = assertRefused(Status.Code.PERMISSION_DENIED, "PERMISSION_MISSING", () -> server.plan(productOnly).createOrder(mailOrder(terms)));
    assertEquals("PERMISSION_ORDER_ACCESS", details(e, ErrorInfo.class).get(0).getMetadataOrThrow("permission"));
    e = assertRefused(Status.Code.PERMISSION_DENIED, "PERMISSION_MISSING", () -> server.plan(orderOnly).createOrder(mailOrder(terms)));
    assertEquals("PERMISSION_PRODUCT_ACCESS", details(e, ErrorInfo.class).get(0).getMetadataOrThrow("permission"));

    var order = server.plan(both).createOrder(mailOrder(terms)).getOrder();
    Buyers.fund(server, owner, "9.00", null);
    PayOrderRequest pay = PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(order.getOrderId()).build();
    assertRefused(Status.Code.PERMISSION_DENIED, "PERMISSION_MISSING", () -> server.plan(productOnly).payOrder(pay));
    assertRefused(Status.Code.PERMISSION_DENIED, "PERMISSION_MISSING", () -> server.plan(orderOnly).payOrder(pay));
    assertEquals(1, server.plan(both).payOrder(pay).getPackagesCount());
  }

  @Test
  void singaporeIsTheDefaultAndTheMainlandNeedsVerification() {
    CreateAccountResponse account = server.newAccount("Region Shop");
    String key = account.getApiKeySecret();
    assertEquals("ap-southeast-1", server.activation(key).getAccount(GetAccountRequest.getDefaultInstance()).getAccount().getDefaultRegionId());
    UpdateDefaultRegionRequest toHangzhou =
        UpdateDefaultRegionRequest.newBuilder().setRequestId(TestServer.requestId()).setRegionId("cn-hangzhou").build();
    assertRefused(Status.Code.FAILED_PRECONDITION, "IDENTITY_NOT_VERIFIED", () -> server.activation(key).updateDefaultRegion(toHangzhou));
    assertEquals("ap-southeast-1", server.activation(key).getAccount(GetAccountRequest.getDefaultInstance()).getAccount().getDefaultRegionId());
    Buyers.verify(server, account);
    var moved =
        server.activation(key).updateDefaultRegion(toHangzhou.toBuilder().setRequestId(TestServer.requestId()).build()).getAccount();
    assertEquals("cn-hangzhou", moved.getDefaultRegionId());
  }

  @Test
  void payAsYouGoActivationNeedsVerificationAndIsIdempotent() {
    CreateAccountResponse account = server.newAccount("Payg Shop");
    String key = account.getApiKeySecret();
    String agreement =
        server.plan(key)
            .getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(TermsKind.TERMS_KIND_PAY_AS_YOU_GO).build())
            .getTerms()
            .getVersion();
    ActivatePayAsYouGoRequest activate =
        ActivatePayAsYouGoRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setProductId("mail")
            .setRegionId("ap-southeast-1")
            .setAcceptedAgreementVersion(agreement)
            .build();
    assertRefused(Status.Code.FAILED_PRECONDITION, "IDENTITY_NOT_VERIFIED", () -> server.activation(key).activatePayAsYouGo(activate));
    GetActivationStatusRequest status =
        GetActivationStatusRequest.newBuilder().setProductId("mail").setRegionId("ap-southeast-1").build();
    assertEquals(ProductUsability.PRODUCT_USABILITY_ACTIVATE_OR_BUY, server.activation(key).getActivationStatus(status).getUsability());

    Buyers.verify(server, account);
    var first = server.activation(key).activatePayAsYouGo(activate).getActivation();
    var again =
        server.activation(key).activatePayAsYouGo(activate.toBuilder().setRequestId(TestServer.requestId()).build()).getActivation();
    assertEquals(first, again);
    assertEquals(ProductUsability.PRODUCT_USABILITY_PAY_AS_YOU_GO, server.activation(key).getActivationStatus(status).getUsability());
  }
}
