package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Moneys.amount;
import static io.resourceplans.server.testing.Moneys.cny;
import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.CreatePlanSpecRequest;
import io.resourceplans.api.v1.CreateProductRequest;
import io.resourceplans.api.v1.CustomPricing;
import io.resourceplans.api.v1.FixedPricing;
import io.resourceplans.api.v1.GetOrderRequest;
import io.resourceplans.api.v1.GetPlanSpecRequest;
import io.resourceplans.api.v1.ListPlanSpecsRequest;
import io.resourceplans.api.v1.Order;
import io.resourceplans.api.v1.PayAsYouGoPrice;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.PlanSpec;
import io.resourceplans.api.v1.PlanSpecKind;
import io.resourceplans.api.v1.Product;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.PurposePrice;
import io.resourceplans.api.v1.QuotePriceRequest;
import io.resourceplans.api.v1.QuotePriceResponse;
import io.resourceplans.api.v1.UpdatePlanSpecRequest;
import io.resourceplans.api.v1.VolumeTier;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Ledger;
import io.resourceplans.server.testing.TestServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prices per purpose (seed 001: "不同的短信用途的产品价格会略有差异"), end to end over gRPC: the default
 * catalog's marketing SMS prices, operators setting purpose prices on create and update, quotes and
 * orders using them, orders keeping the price they were created with, and the refusals.
 */
class PurposePricesTest {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static TestServer server;
  private static String readerKey;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
    readerKey = server.newAccount("Price Reader").getApiKeySecret();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String newId(String prefix) {
    return prefix + "-p" + IDS.incrementAndGet();
  }

  private static VolumeTier tier(long min, long max, String price) {
    return VolumeTier.newBuilder().setMinQuantity(min).setMaxQuantity(max).setUnitPrice(cny(price)).build();
  }

  private static PurposePrice tiered(Purpose purpose, VolumeTier... tiers) {
    return PurposePrice.newBuilder().setPurpose(purpose).addAllTiers(List.of(tiers)).build();
  }

  private static PurposePrice fixedAt(Purpose purpose, String price) {
    return PurposePrice.newBuilder().setPurpose(purpose).setFixedPrice(cny(price)).build();
  }

  private static String createProduct() {
    String productId = newId("sms");
    server.operator().createProduct(CreateProductRequest.newBuilder().setRequestId(TestServer.requestId())
        .setProduct(Product.newBuilder().setProductId(productId).setDisplayName("Test SMS").setQuantityUnit("message")
            .addPayAsYouGoPrices(PayAsYouGoPrice.newBuilder().setPurpose(Purpose.PURPOSE_MARKETING).setUnitPrice(cny("0.06"))))
        .build());
    return productId;
  }

  /** Custom, verification + marketing, hundreds from 100, spec-level 0.050 then 0.045 from 10,000. */
  private static PlanSpec.Builder customSpec(String productId) {
    return PlanSpec.newBuilder()
        .setPlanSpecId(newId("custom"))
        .setProductId(productId)
        .setDisplayName("Custom SMS")
        .setKind(PlanSpecKind.PLAN_SPEC_KIND_CUSTOM)
        .addAllowedPurposes(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .addAllowedPurposes(Purpose.PURPOSE_MARKETING)
        .setValidityMonths(12)
        .setCustomPricing(CustomPricing.newBuilder().setQuantityStep(100).setMinimumQuantity(100)
            .addTiers(tier(100, 10_000, "0.050")).addTiers(tier(10_000, 0, "0.045")));
  }

  /** Fixed, 1,000 messages for 40.00, every purpose. */
  private static PlanSpec.Builder fixedSpec(String productId) {
    return PlanSpec.newBuilder()
        .setPlanSpecId(newId("fixed"))
        .setProductId(productId)
        .setDisplayName("1,000 messages")
        .setKind(PlanSpecKind.PLAN_SPEC_KIND_FIXED)
        .addAllowedPurposes(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .addAllowedPurposes(Purpose.PURPOSE_MARKETING)
        .addAllowedPurposes(Purpose.PURPOSE_GENERAL)
        .setValidityMonths(12)
        .setFixedPricing(FixedPricing.newBuilder().setQuantity(1000).setPrice(cny("40.00")));
  }

  private static PlanSpec create(PlanSpec.Builder spec) {
    return server.operator()
        .createPlanSpec(CreatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId()).setPlanSpec(spec).build())
        .getPlanSpec();
  }

  private static PlanSpec update(PlanSpec.Builder spec, String... paths) {
    return server.operator()
        .updatePlanSpec(UpdatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId()).setPlanSpec(spec)
            .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build())
        .getPlanSpec();
  }

  private static PlanSpec get(String planSpecId) {
    return server.plan(readerKey).getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId(planSpecId).build()).getPlanSpec();
  }

  private static QuotePriceResponse quote(String planSpecId, long quantity, Purpose purpose) {
    return server.plan(readerKey).quotePrice(
        QuotePriceRequest.newBuilder().setPlanSpecId(planSpecId).setQuantity(quantity).setPurpose(purpose).build());
  }

  private static Order order(String key, String planSpecId, long quantity, Purpose purpose) {
    return server.plan(key)
        .createOrder(CreateOrderRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setPlanSpecId(planSpecId)
            .setQuantity(quantity)
            .setPurpose(purpose)
            .setRegionId("cn-hangzhou")
            .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key))
            .build())
        .getOrder();
  }

  private static Order getOrder(String key, String orderId) {
    return server.plan(key).getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build()).getOrder();
  }

  // --- the default catalog

  @Test
  void defaultSmsSpecsPriceMarketingALittleAboveVerification() {
    // 1,000 verification messages stay 44.00 (the seed's example); marketing pays 46.00.
    QuotePriceResponse verification = quote("sms-domestic-custom", 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    assertEquals("44.00", plain(verification.getTotalAmount()));
    assertEquals(cny("0.044"), verification.getUnitPrice());
    assertFalse(verification.getPurposePriceApplied());
    QuotePriceResponse marketing = quote("sms-domestic-custom", 1000, Purpose.PURPOSE_MARKETING);
    assertEquals("46.00", plain(marketing.getTotalAmount()));
    assertEquals(cny("0.046"), marketing.getUnitPrice());
    assertEquals(tier(100, 10_000, "0.046"), marketing.getAppliedTier());
    assertTrue(marketing.getPurposePriceApplied());

    // What a console shows: the spec-level tiers (verification/notification) and the marketing tiers.
    PlanSpec custom = get("sms-domestic-custom");
    assertEquals(1, custom.getPurposePricesCount());
    PurposePrice marketingPrice = custom.getPurposePrices(0);
    assertEquals(Purpose.PURPOSE_MARKETING, marketingPrice.getPurpose());
    assertFalse(marketingPrice.hasFixedPrice());
    List<VolumeTier> base = custom.getCustomPricing().getTiersList();
    List<VolumeTier> higher = marketingPrice.getTiersList();
    assertEquals(base.size(), higher.size());
    for (int i = 0; i < base.size(); i++) {
      // same bounds, a little higher, still falling with volume
      assertEquals(base.get(i).getMinQuantity(), higher.get(i).getMinQuantity());
      assertEquals(base.get(i).getMaxQuantity(), higher.get(i).getMaxQuantity());
      assertTrue(amount(higher.get(i).getUnitPrice()).compareTo(amount(base.get(i).getUnitPrice())) > 0);
      if (i > 0) {
        assertTrue(amount(higher.get(i).getUnitPrice()).compareTo(amount(higher.get(i - 1).getUnitPrice())) < 0);
      }
    }

    // Fixed packages: general and verification pay the spec-level price, marketing its own.
    assertEquals("215.00", plain(quote("sms-domestic-5000", 1, Purpose.PURPOSE_GENERAL).getTotalAmount()));
    assertEquals("215.00", plain(quote("sms-domestic-5000", 1, Purpose.PURPOSE_VERIFICATION_NOTIFICATION).getTotalAmount()));
    QuotePriceResponse fixedMarketing = quote("sms-domestic-5000", 2, Purpose.PURPOSE_MARKETING);
    assertEquals("450.00", plain(fixedMarketing.getTotalAmount()));
    assertEquals(cny("225.00"), fixedMarketing.getUnitPrice());
    assertTrue(fixedMarketing.getPurposePriceApplied());
    assertEquals(List.of(fixedAt(Purpose.PURPOSE_MARKETING, "225.00")), get("sms-domestic-5000").getPurposePricesList());
    assertEquals(List.of(fixedAt(Purpose.PURPOSE_MARKETING, "4200.00")), get("sms-domestic-100000").getPurposePricesList());
    assertEquals("300.00", plain(quote("sms-international-custom", 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION).getTotalAmount()));
    assertEquals("320.00", plain(quote("sms-international-custom", 1000, Purpose.PURPOSE_MARKETING).getTotalAmount()));
    // Mail is priced alike for every purpose.
    assertEquals(0, get("mail-10000").getPurposePricesCount());
    // ListPlanSpecs shows them too.
    assertEquals(
        List.of(get("sms-domestic-100000"), get("sms-domestic-5000"), custom),
        server.plan(readerKey).listPlanSpecs(ListPlanSpecsRequest.newBuilder().setProductId("sms-domestic").build())
            .getPlanSpecsList());
  }

  // --- operators set them

  @Test
  void operatorSetsPurposePricesOnCreateAndReplacesThemOnUpdate() {
    String productId = createProduct();
    PlanSpec created = create(customSpec(productId)
        .addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 10_000, "0.060"), tier(10_000, 0, "0.055"))));
    assertEquals(
        List.of(tiered(Purpose.PURPOSE_MARKETING, tier(100, 10_000, "0.060"), tier(10_000, 0, "0.055"))),
        created.getPurposePricesList());
    assertEquals(created, get(created.getPlanSpecId()));
    String id = created.getPlanSpecId();
    assertEquals("50.00", plain(quote(id, 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION).getTotalAmount()));
    assertEquals("60.00", plain(quote(id, 1000, Purpose.PURPOSE_MARKETING).getTotalAmount()));
    assertEquals("1100.00", plain(quote(id, 20_000, Purpose.PURPOSE_MARKETING).getTotalAmount()));

    // Another field changes: the purpose prices stay.
    PlanSpec renamed = update(PlanSpec.newBuilder().setPlanSpecId(id).setDisplayName("Renamed"), "display_name");
    assertEquals(created.getPurposePricesList(), renamed.getPurposePricesList());

    // purpose_prices in the mask replaces the whole set: verification gets a price, marketing falls back.
    PlanSpec replaced = update(
        PlanSpec.newBuilder().setPlanSpecId(id)
            .addPurposePrices(tiered(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, tier(100, 0, "0.030"))),
        "purpose_prices");
    assertEquals(
        List.of(tiered(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, tier(100, 0, "0.030"))),
        replaced.getPurposePricesList());
    assertEquals(replaced, get(id));
    assertEquals("30.00", plain(quote(id, 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION).getTotalAmount()));
    assertEquals("50.00", plain(quote(id, 1000, Purpose.PURPOSE_MARKETING).getTotalAmount()));
    assertFalse(quote(id, 1000, Purpose.PURPOSE_MARKETING).getPurposePriceApplied());

    // An empty list removes them all.
    PlanSpec cleared = update(PlanSpec.newBuilder().setPlanSpecId(id), "purpose_prices");
    assertEquals(0, cleared.getPurposePricesCount());
    assertEquals(cleared, get(id));
    assertEquals("50.00", plain(quote(id, 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION).getTotalAmount()));

    // A fixed spec's purpose price is a fixed price; the package holds the spec's quantity.
    PlanSpec fixed = create(fixedSpec(productId)
        .addPurposePrices(fixedAt(Purpose.PURPOSE_MARKETING, "45.00"))
        .addPurposePrices(fixedAt(Purpose.PURPOSE_GENERAL, "42.50")));
    assertEquals(
        List.of(fixedAt(Purpose.PURPOSE_MARKETING, "45.00"), fixedAt(Purpose.PURPOSE_GENERAL, "42.50")),
        get(fixed.getPlanSpecId()).getPurposePricesList());
    QuotePriceResponse marketing = quote(fixed.getPlanSpecId(), 3, Purpose.PURPOSE_MARKETING);
    assertEquals("135.00", plain(marketing.getTotalAmount()));
    assertEquals(3000, marketing.getIssuedQuantity());
    assertEquals("42.50", plain(quote(fixed.getPlanSpecId(), 1, Purpose.PURPOSE_GENERAL).getTotalAmount()));
    assertEquals("40.00", plain(quote(fixed.getPlanSpecId(), 1, Purpose.PURPOSE_VERIFICATION_NOTIFICATION).getTotalAmount()));
  }

  // --- orders keep their price

  @Test
  void ordersUseThePurposePriceAndKeepItWhenPricesChange() {
    String productId = createProduct();
    PlanSpec spec = create(customSpec(productId)
        .addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 0, "0.060"))));
    String id = spec.getPlanSpecId();
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Marketing Buyer");
    String key = buyer.getApiKeySecret();
    Buyers.fund(server, buyer, "1000.00", null);

    Order marketing = order(key, id, 1000, Purpose.PURPOSE_MARKETING);
    var line = marketing.getLines(0);
    assertEquals(Purpose.PURPOSE_MARKETING, line.getPurpose());
    assertEquals(cny("0.060"), line.getUnitPrice());
    assertEquals(tier(100, 0, "0.060"), line.getAppliedTier());
    assertTrue(line.getPurposePriceApplied());
    assertEquals("60.00", plain(marketing.getListAmount()));
    Order verification = order(key, id, 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    assertFalse(verification.getLines(0).getPurposePriceApplied());
    assertEquals("50.00", plain(verification.getTotalAmount()));

    // The operator raises the marketing price and gives verification a price of its own.
    update(PlanSpec.newBuilder().setPlanSpecId(id)
            .addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 0, "0.080")))
            .addPurposePrices(tiered(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, tier(100, 0, "0.020"))),
        "purpose_prices");
    assertEquals("80.00", plain(quote(id, 1000, Purpose.PURPOSE_MARKETING).getTotalAmount()));

    // The orders already placed read and pay as they were created.
    assertEquals(marketing, getOrder(key, marketing.getOrderId()));
    assertEquals(verification, getOrder(key, verification.getOrderId()));
    var paid = server.plan(key).payOrder(
        PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(marketing.getOrderId()).build());
    assertEquals("60.00", plain(paid.getOrder().getTotalAmount()));
    assertEquals("60.00", plain(paid.getOrder().getPayment().getCashAmount()));
    assertEquals(cny("0.060"), paid.getOrder().getLines(0).getUnitPrice());
    assertTrue(paid.getOrder().getLines(0).getPurposePriceApplied());
    var paidVerification = server.plan(key).payOrder(
        PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(verification.getOrderId()).build());
    assertEquals("50.00", plain(paidVerification.getOrder().getTotalAmount()));
    assertFalse(paidVerification.getOrder().getLines(0).getPurposePriceApplied());
    assertEquals(
        "890.00",
        plain(server.plan(key).getWallet(io.resourceplans.api.v1.GetWalletRequest.getDefaultInstance()).getWallet().getCashBalance()));

    // A new order takes the new price.
    Order later = order(key, id, 1000, Purpose.PURPOSE_MARKETING);
    assertEquals("80.00", plain(later.getTotalAmount()));
    assertEquals(cny("0.080"), later.getLines(0).getUnitPrice());
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), buyer.getAccount().getAccountId());
  }

  @Test
  void aFixedOrderPaidAfterTheSpecChangedIssuesWhatItWasSold() {
    String productId = createProduct();
    PlanSpec spec = create(fixedSpec(productId).addPurposePrices(fixedAt(Purpose.PURPOSE_MARKETING, "45.00")));
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Fixed Marketing Buyer");
    String key = buyer.getApiKeySecret();
    Buyers.fund(server, buyer, "500.00", null);
    Order order = order(key, spec.getPlanSpecId(), 2, Purpose.PURPOSE_MARKETING);
    assertEquals("90.00", plain(order.getTotalAmount()));
    assertEquals(2000, order.getLines(0).getIssuedQuantity());

    // Bigger packages at a new price, for every purpose.
    update(PlanSpec.newBuilder().setPlanSpecId(spec.getPlanSpecId())
            .setFixedPricing(FixedPricing.newBuilder().setQuantity(5000).setPrice(cny("180.00")))
            .addPurposePrices(fixedAt(Purpose.PURPOSE_MARKETING, "200.00")),
        "fixed_pricing", "purpose_prices");

    var paid = server.plan(key).payOrder(
        PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(order.getOrderId()).build());
    assertEquals("90.00", plain(paid.getOrder().getTotalAmount()));
    assertEquals(2, paid.getPackagesCount());
    paid.getPackagesList().forEach(p -> assertEquals(1000, p.getTotalQuantity()));
  }

  // --- refusals

  @Test
  void badPurposePricesAreRefusedOnTheirExactFieldAndChangeNothing() {
    String productId = createProduct();
    long specs = server.count("plan_specs");
    long prices = server.count("plan_spec_purpose_prices");
    // UNSPECIFIED purpose
    assertInvalid(
        () -> create(customSpec(productId).addPurposePrices(tiered(Purpose.PURPOSE_UNSPECIFIED, tier(100, 0, "0.06")))),
        "plan_spec.purpose_prices[0].purpose");
    // the same purpose twice
    assertInvalid(
        () -> create(customSpec(productId)
            .addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 0, "0.06")))
            .addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 0, "0.07")))),
        "plan_spec.purpose_prices[1].purpose");
    // a purpose the spec does not allow (a custom spec never allows GENERAL)
    assertInvalid(
        () -> create(customSpec(productId).addPurposePrices(tiered(Purpose.PURPOSE_GENERAL, tier(100, 0, "0.06")))),
        "plan_spec.purpose_prices[0].purpose");
    // a custom spec's purpose price is tiers, not a fixed price
    assertInvalid(
        () -> create(customSpec(productId).addPurposePrices(fixedAt(Purpose.PURPOSE_MARKETING, "5.00"))),
        "plan_spec.purpose_prices[0].fixed_price", "plan_spec.purpose_prices[0].tiers");
    // the spec-level tier rules: a gap, a closed last tier, a first tier above the minimum
    assertInvalid(
        () -> create(customSpec(productId)
            .addPurposePrices(tiered(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, tier(100, 0, "0.04")))
            .addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 1000, "0.06"), tier(2000, 0, "0.05")))),
        "plan_spec.purpose_prices[1].tiers[1].min_quantity");
    assertInvalid(
        () -> create(customSpec(productId).addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 1000, "0.06")))),
        "plan_spec.purpose_prices[0].tiers[0].max_quantity");
    assertInvalid(
        () -> create(customSpec(productId).addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(500, 0, "0.06")))),
        "plan_spec.purpose_prices[0].tiers[0].min_quantity");
    // a unit price of zero
    assertInvalid(
        () -> create(customSpec(productId)
            .addPurposePrices(tiered(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, tier(100, 0, "0.04")))
            .addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 0, "0")))),
        "plan_spec.purpose_prices[1].tiers[0].unit_price");
    // a fixed spec needs a fixed price, in cents, and no tiers
    assertInvalid(
        () -> create(fixedSpec(productId).addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(1, 0, "0.06")))),
        "plan_spec.purpose_prices[0].fixed_price", "plan_spec.purpose_prices[0].tiers");
    assertInvalid(
        () -> create(fixedSpec(productId).addPurposePrices(fixedAt(Purpose.PURPOSE_MARKETING, "45.001"))),
        "plan_spec.purpose_prices[0].fixed_price");
    // another currency
    assertRefused(
        Status.Code.FAILED_PRECONDITION, "CURRENCY_MISMATCH",
        () -> create(fixedSpec(productId).addPurposePrices(PurposePrice.newBuilder()
            .setPurpose(Purpose.PURPOSE_MARKETING)
            .setFixedPrice(com.google.type.Money.newBuilder().setCurrencyCode("USD").setUnits(6)))));
    assertEquals(specs, server.count("plan_specs"));
    assertEquals(prices, server.count("plan_spec_purpose_prices"));

    // Updates: the same rules on the spec as it would be afterwards, and nothing changes.
    PlanSpec spec = create(customSpec(productId).addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 0, "0.06"))));
    String id = spec.getPlanSpecId();
    assertInvalid(
        () -> update(PlanSpec.newBuilder().setPlanSpecId(id)
                .addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(100, 0, "0.07")))
                .addPurposePrices(tiered(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, tier(100, 500, "0.03"), tier(600, 0, "0.02"))),
            "purpose_prices"),
        "plan_spec.purpose_prices[1].tiers[1].min_quantity");
    // marketing leaves allowed_purposes but keeps its price
    assertInvalid(
        () -> update(PlanSpec.newBuilder().setPlanSpecId(id).addAllowedPurposes(Purpose.PURPOSE_VERIFICATION_NOTIFICATION),
            "allowed_purposes"),
        "plan_spec.purpose_prices[0].purpose");
    // a minimum raised above where the purpose tiers start
    assertInvalid(
        () -> update(PlanSpec.newBuilder().setPlanSpecId(id)
                .setCustomPricing(CustomPricing.newBuilder().setQuantityStep(100).setMinimumQuantity(100)
                    .addTiers(tier(100, 0, "0.05")))
                .addPurposePrices(tiered(Purpose.PURPOSE_MARKETING, tier(200, 0, "0.06"))),
            "custom_pricing", "purpose_prices"),
        "plan_spec.purpose_prices[0].tiers[0].min_quantity");
    assertEquals(spec, get(id));
    // both in one update is fine
    PlanSpec narrowed = update(
        PlanSpec.newBuilder().setPlanSpecId(id).addAllowedPurposes(Purpose.PURPOSE_VERIFICATION_NOTIFICATION),
        "allowed_purposes", "purpose_prices");
    assertEquals(List.of(Purpose.PURPOSE_VERIFICATION_NOTIFICATION), narrowed.getAllowedPurposesList());
    assertEquals(0, narrowed.getPurposePricesCount());
  }
}
