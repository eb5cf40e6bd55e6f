package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Moneys.cny;
import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import com.google.type.Money;
import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.CreatePlanSpecRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.CustomPricing;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.GrantGiftBalanceRequest;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.ListSubUsersRequest;
import io.resourceplans.api.v1.ListVouchersRequest;
import io.resourceplans.api.v1.PlanSpec;
import io.resourceplans.api.v1.PlanSpecKind;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.QuotePriceRequest;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.api.v1.VolumeTier;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Amounts and timestamps at and past the ends of their ranges: refused as bad input or with a
 * typed reason, never INTERNAL, and nothing is written by a refusal.
 */
class InputRangesTest {
  private static final String TOP_LIMIT = "1000000000000000.00";

  private static TestServer server;
  private static CreateAccountResponse buyer;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
    buyer = Buyers.verifiedAccount(server, "Range Buyer");
    // A spec at the highest unit price a request may name.
    server.operator()
        .createPlanSpec(
            CreatePlanSpecRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setPlanSpec(
                    PlanSpec.newBuilder()
                        .setPlanSpecId("sms-priciest")
                        .setProductId("sms-domestic")
                        .setDisplayName("The priciest SMS")
                        .setKind(PlanSpecKind.PLAN_SPEC_KIND_CUSTOM)
                        .addAllowedPurposes(Purpose.PURPOSE_MARKETING)
                        .setValidityMonths(12)
                        .setCustomPricing(
                            CustomPricing.newBuilder()
                                .setQuantityStep(1)
                                .setMinimumQuantity(1)
                                .addTiers(VolumeTier.newBuilder().setMinQuantity(1).setUnitPrice(cny("1000000000"))))
                        .build())
                .build());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aVoucherMinimumNearTheLargestLongIsInvalidAndNothingIsIssued() {
    long before = server.count("vouchers");
    Money huge = Money.newBuilder().setCurrencyCode("CNY").setUnits(9_223_372_036_854_775_000L).build();
    assertInvalid(
        () -> server.operator().issueVoucher(voucher().setMinimumOrderAmount(huge).build()), "minimum_order_amount");
    assertInvalid(
        () -> server.operator().issueVoucher(voucher().setMinimumOrderAmount(cny("1000000000.01")).build()),
        "minimum_order_amount");
    assertEquals(before, server.count("vouchers"));
  }

  @Test
  void aUnitPriceAboveWhatARequestMayNameIsInvalid() {
    var spec =
        CreatePlanSpecRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setPlanSpec(
                PlanSpec.newBuilder()
                    .setPlanSpecId("sms-too-pricey")
                    .setProductId("sms-domestic")
                    .setDisplayName("Too pricey")
                    .setKind(PlanSpecKind.PLAN_SPEC_KIND_CUSTOM)
                    .addAllowedPurposes(Purpose.PURPOSE_MARKETING)
                    .setValidityMonths(12)
                    .setCustomPricing(
                        CustomPricing.newBuilder()
                            .setQuantityStep(1)
                            .setMinimumQuantity(1)
                            .addTiers(VolumeTier.newBuilder().setMinQuantity(1).setUnitPrice(cny("1000000000.000000001")))))
            .build();
    assertInvalid(() -> server.operator().createPlanSpec(spec), "plan_spec.custom_pricing.tiers[0].unit_price");
  }

  @Test
  void anOrderWhoseAmountWouldPassTheStoredLimitIsRefusedOnItsQuantity() {
    String key = buyer.getApiKeySecret();
    // 10^6 at 10^9 each is exactly the limit: it can be quoted.
    var quote =
        server.plan(key)
            .quotePrice(
                QuotePriceRequest.newBuilder()
                    .setPlanSpecId("sms-priciest").setQuantity(1_000_000).setPurpose(Purpose.PURPOSE_MARKETING).build());
    assertEquals(TOP_LIMIT, plain(quote.getTotalAmount()));
    // 10^9 of them would be 10^18, beyond what an order (and its column) holds.
    var e =
        assertRefused(
            Status.Code.INVALID_ARGUMENT,
            "QUANTITY_NOT_ALLOWED",
            () -> server.plan(key)
                .quotePrice(
                    QuotePriceRequest.newBuilder()
                        .setPlanSpecId("sms-priciest").setQuantity(1_000_000_000).setPurpose(Purpose.PURPOSE_MARKETING).build()));
    assertTrue(e.getStatus().getDescription().contains(TOP_LIMIT.replace(".00", "")), e.getStatus()::getDescription);
    long orders = server.count("orders");
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "QUANTITY_NOT_ALLOWED",
        () -> server.plan(key)
            .createOrder(
                CreateOrderRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setPlanSpecId("sms-priciest")
                    .setQuantity(1_000_001)
                    .setPurpose(Purpose.PURPOSE_MARKETING)
                    .setRegionId("ap-southeast-1")
                    .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key))
                    .build()));
    assertEquals(orders, server.count("orders"));
  }

  @Test
  void aTopUpOrGrantPastTheBalanceLimitIsRefusedAndChangesNothing() {
    CreateAccountResponse rich = server.newAccount("Nearly Full");
    String id = rich.getAccount().getAccountId();
    Buyers.fund(server, rich, "1.00", "1.00");
    // Balances this high take a million top-ups; the test puts them there directly.
    server.jdbi().useHandle(h -> h.createUpdate(
            "update wallets set cash_balance = 999999999999995.00, gift_balance = 999999999999999.00 where account_id = :a")
        .bind("a", id).execute());
    long entries = server.count("ledger_entries");

    assertRefused(
        Status.Code.FAILED_PRECONDITION, "BALANCE_LIMIT_EXCEEDED", () -> server.operator().topUpCash(topUp(id, "5.01")));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "BALANCE_LIMIT_EXCEEDED",
        () -> server.operator().grantGiftBalance(
            GrantGiftBalanceRequest.newBuilder().setRequestId(TestServer.requestId()).setAccountId(id).setAmount(cny("1.01")).build()));
    assertEquals(entries, server.count("ledger_entries"));

    // Up to the limit itself is fine.
    server.operator().topUpCash(topUp(id, "5.00"));
    var wallet = server.plan(rich.getApiKeySecret()).getWallet(GetWalletRequest.getDefaultInstance()).getWallet();
    assertEquals(TOP_LIMIT, plain(wallet.getCashBalance()));
    assertEquals("999999999999999.00", plain(wallet.getGiftBalance()));
  }

  @Test
  void aVoucherExpiringAtTheLastInstantOfYear9999IsIssuedAndListed() {
    Timestamp last = Timestamp.newBuilder().setSeconds(253_402_300_799L).setNanos(999_999_999).build();
    var issued = server.operator().issueVoucher(voucher().setExpireTime(last).build()).getVoucher();
    assertTrue(Timestamps.isValid(issued.getExpireTime()), issued::toString);
    var listed =
        server.plan(buyer.getApiKeySecret()).listVouchers(ListVouchersRequest.getDefaultInstance()).getVouchersList().stream()
            .filter(v -> v.getVoucherId().equals(issued.getVoucherId()))
            .findFirst()
            .orElseThrow();
    assertTrue(Timestamps.isValid(listed.getExpireTime()), listed::toString);
    assertEquals(253_402_300_799L, listed.getExpireTime().getSeconds());

    // The first instant of year 1 is a valid timestamp, but long past: bad input, nothing issued.
    long before = server.count("vouchers");
    assertInvalid(
        () -> server.operator().issueVoucher(voucher().setExpireTime(Timestamp.newBuilder().setSeconds(-62_135_596_800L)).build()),
        "expire_time");
    assertEquals(before, server.count("vouchers"));
  }

  @Test
  void aPageTokenCraftedWithANulOrAnImpossibleTimeIsInvalid() {
    String key = server.newAccount("Token Crafter").getApiKeySecret();
    for (int i = 0; i < 2; i++) {
      server.activation(key).createSubUser(
          CreateSubUserRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("sub " + i).build());
    }
    String token = server.activation(key).listSubUsers(ListSubUsersRequest.newBuilder().setPageSize(1).build()).getNextPageToken();
    String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
    for (String raw :
        List.of(
            parts[0] + ":" + parts[1] + ":usr-\u0000",
            Long.MIN_VALUE + ":" + parts[1] + ":" + parts[2],
            Long.MAX_VALUE + ":" + parts[1] + ":" + parts[2])) {
      String crafted = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
      assertRefused(
          Status.Code.INVALID_ARGUMENT,
          "PAGE_TOKEN_INVALID",
          () -> server.activation(key).listSubUsers(ListSubUsersRequest.newBuilder().setPageSize(1).setPageToken(crafted).build()));
    }
  }

  private static IssueVoucherRequest.Builder voucher() {
    return IssueVoucherRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setAccountId(buyer.getAccount().getAccountId())
        .setAmount(cny("5.00"))
        .setExpireTime(Timestamps.fromSeconds(server.clock.instant().getEpochSecond() + 86_400));
  }

  private static TopUpCashRequest topUp(String accountId, String amount) {
    return TopUpCashRequest.newBuilder().setRequestId(TestServer.requestId()).setAccountId(accountId).setAmount(cny(amount)).build();
  }
}
