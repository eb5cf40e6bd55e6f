package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreatePlanSpecRequest;
import io.resourceplans.api.v1.CreateProductRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.CustomPricing;
import io.resourceplans.api.v1.FixedPricing;
import io.resourceplans.api.v1.GetPlanSpecRequest;
import io.resourceplans.api.v1.GetProductRequest;
import io.resourceplans.api.v1.ListPlanSpecsRequest;
import io.resourceplans.api.v1.ListProductsRequest;
import io.resourceplans.api.v1.ListProductsResponse;
import io.resourceplans.api.v1.PayAsYouGoPrice;
import io.resourceplans.api.v1.PlanSpec;
import io.resourceplans.api.v1.PlanSpecKind;
import io.resourceplans.api.v1.PlanSpecState;
import io.resourceplans.api.v1.Product;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.QuotePriceRequest;
import io.resourceplans.api.v1.QuotePriceResponse;
import io.resourceplans.api.v1.RetirePlanSpecRequest;
import io.resourceplans.api.v1.UpdatePlanSpecRequest;
import io.resourceplans.api.v1.UpdateProductRequest;
import io.resourceplans.api.v1.VolumeTier;
import io.resourceplans.domain.catalog.CatalogService;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.server.bootstrap.CatalogSeeder;
import io.resourceplans.server.mapping.MoneyMapper;
import io.resourceplans.server.testing.TestServer;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static TestServer server;
  private static String accountKey;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
    accountKey = server.newAccount("Catalog Reader").getApiKeySecret();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String newId(String prefix) {
    return prefix + "-t" + IDS.incrementAndGet();
  }

  private static com.google.type.Money cny(String amount) {
    return MoneyMapper.toProto(io.resourceplans.domain.money.Money.of(amount, "CNY"));
  }

  private static VolumeTier tier(long min, long max, String price) {
    return VolumeTier.newBuilder().setMinQuantity(min).setMaxQuantity(max).setUnitPrice(cny(price)).build();
  }

  private static Product product(String productId) {
    return Product.newBuilder()
        .setProductId(productId)
        .setDisplayName("Push notifications")
        .setDescription("App push")
        .setQuantityUnit("push")
        .addPayAsYouGoPrices(
            PayAsYouGoPrice.newBuilder().setPurpose(Purpose.PURPOSE_MARKETING).setUnitPrice(cny("0.002")))
        .build();
  }

  private static Product createProduct(String productId) {
    return server.operator()
        .createProduct(CreateProductRequest.newBuilder().setRequestId(TestServer.requestId()).setProduct(product(productId)).build())
        .getProduct();
  }

  private static PlanSpec.Builder customSpec(String productId, String planSpecId, VolumeTier... tiers) {
    return PlanSpec.newBuilder()
        .setPlanSpecId(planSpecId)
        .setProductId(productId)
        .setDisplayName("Custom push")
        .setKind(PlanSpecKind.PLAN_SPEC_KIND_CUSTOM)
        .addAllowedPurposes(Purpose.PURPOSE_MARKETING)
        .setValidityMonths(12)
        .setCustomPricing(
            CustomPricing.newBuilder()
                .setQuantityStep(100)
                .setMinimumQuantity(100)
                .addAllTiers(List.of(tiers)));
  }

  private static PlanSpec.Builder fixedSpec(String productId, String planSpecId) {
    return PlanSpec.newBuilder()
        .setPlanSpecId(planSpecId)
        .setProductId(productId)
        .setDisplayName("1,000 pushes")
        .setKind(PlanSpecKind.PLAN_SPEC_KIND_FIXED)
        .addAllowedPurposes(Purpose.PURPOSE_GENERAL)
        .addAllowedPurposes(Purpose.PURPOSE_MARKETING)
        .setValidityMonths(6)
        .setFixedPricing(FixedPricing.newBuilder().setQuantity(1000).setPrice(cny("1.50")));
  }

  private static PlanSpec createSpec(PlanSpec.Builder spec) {
    return server.operator()
        .createPlanSpec(CreatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId()).setPlanSpec(spec).build())
        .getPlanSpec();
  }

  private static CreatePlanSpecRequest createSpecRequest(PlanSpec.Builder spec) {
    return CreatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId()).setPlanSpec(spec).build();
  }

  private static QuotePriceResponse quote(String key, String planSpecId, long quantity, Purpose purpose) {
    return server.plan(key)
        .quotePrice(
            QuotePriceRequest.newBuilder().setPlanSpecId(planSpecId).setQuantity(quantity).setPurpose(purpose).build());
  }

  private static RetirePlanSpecRequest retireRequest(String planSpecId) {
    return RetirePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId()).setPlanSpecId(planSpecId).build();
  }

  private static List<String> allProductIds(int pageSize) {
    List<String> ids = new ArrayList<>();
    String token = "";
    do {
      ListProductsResponse page =
          server.plan(accountKey)
              .listProducts(ListProductsRequest.newBuilder().setPageSize(pageSize).setPageToken(token).build());
      assertTrue(page.getProductsCount() <= pageSize);
      page.getProductsList().forEach(p -> ids.add(p.getProductId()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return ids;
  }

  private static long specCount(String productId) {
    return server.jdbi().withHandle(h ->
        h.createQuery("select count(*) from plan_specs where product_id = :p").bind("p", productId).mapTo(Long.class).one());
  }

  // --- the default catalog

  @Test
  void freshServerHasTheDefaultCatalog() {
    var plan = server.plan(accountKey);
    Product domestic = plan.getProduct(GetProductRequest.newBuilder().setProductId("sms-domestic").build()).getProduct();
    assertEquals("Domestic SMS", domestic.getDisplayName());
    assertEquals("message", domestic.getQuantityUnit());
    assertEquals(
        List.of(
            PayAsYouGoPrice.newBuilder().setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).setUnitPrice(cny("0.045")).build(),
            PayAsYouGoPrice.newBuilder().setPurpose(Purpose.PURPOSE_MARKETING).setUnitPrice(cny("0.055")).build(),
            PayAsYouGoPrice.newBuilder().setPurpose(Purpose.PURPOSE_GENERAL).setUnitPrice(cny("0.05")).build()),
        domestic.getPayAsYouGoPricesList());
    assertEquals(
        List.of("sms-domestic-100000", "sms-domestic-5000", "sms-domestic-custom"),
        plan.listPlanSpecs(ListPlanSpecsRequest.newBuilder().setProductId("sms-domestic").build())
            .getPlanSpecsList().stream().map(PlanSpec::getPlanSpecId).toList());
    PlanSpec custom = plan.getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId("sms-domestic-custom").build()).getPlanSpec();
    assertEquals(PlanSpecKind.PLAN_SPEC_KIND_CUSTOM, custom.getKind());
    assertEquals(12, custom.getValidityMonths());
    assertEquals(List.of(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, Purpose.PURPOSE_MARKETING), custom.getAllowedPurposesList());
    assertEquals(
        List.of(tier(100, 10_000, "0.044"), tier(10_000, 100_000, "0.042"), tier(100_000, 1_000_000, "0.040"), tier(1_000_000, 0, "0.038")),
        custom.getCustomPricing().getTiersList());
    PlanSpec mail = plan.getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId("mail-1000000").build()).getPlanSpec();
    assertEquals(6, mail.getValidityMonths());
    assertEquals(cny("700.00"), mail.getFixedPricing().getPrice());
    assertEquals(
        "International SMS",
        plan.getProduct(GetProductRequest.newBuilder().setProductId("sms-international").build()).getProduct().getDisplayName());
  }

  @Test
  void thousandDomesticVerificationMessagesCostFortyFourYuan() {
    QuotePriceResponse quote = quote(accountKey, "sms-domestic-custom", 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    assertEquals(cny("0.044"), quote.getUnitPrice());
    assertEquals(com.google.type.Money.newBuilder().setCurrencyCode("CNY").setUnits(44).build(), quote.getTotalAmount());
    assertEquals(tier(100, 10_000, "0.044"), quote.getAppliedTier());
    assertEquals("CNY", quote.getCurrencyCode());
    assertEquals(1000, quote.getIssuedQuantity());
    assertEquals("sms-domestic", quote.getProductId());
    assertEquals(PlanSpecKind.PLAN_SPEC_KIND_CUSTOM, quote.getKind());
  }

  @Test
  void fixedSpecQuoteIsPackagesTimesPrice() {
    QuotePriceResponse quote = server.plan(accountKey).quotePrice(
        QuotePriceRequest.newBuilder().setPlanSpecId("sms-domestic-5000").setQuantity(2).setPurpose(Purpose.PURPOSE_GENERAL).build());
    assertEquals(cny("430.00"), quote.getTotalAmount());
    assertEquals(cny("215.00"), quote.getUnitPrice());
    assertEquals(10_000, quote.getIssuedQuantity());
    assertFalse(quote.hasAppliedTier());
  }

  @Test
  void quotesOutsideTheSpecAreRefusedOnTheirField() {
    var e = assertRefused(
        Status.Code.INVALID_ARGUMENT, "PURPOSE_NOT_ALLOWED",
        () -> quote(accountKey, "sms-domestic-custom", 1000, Purpose.PURPOSE_GENERAL));
    assertInvalid(() -> { throw e; }, "purpose");
    var q = assertRefused(
        Status.Code.INVALID_ARGUMENT, "QUANTITY_NOT_ALLOWED",
        () -> quote(accountKey, "sms-domestic-custom", 150, Purpose.PURPOSE_MARKETING));
    assertInvalid(() -> { throw q; }, "quantity");
    assertRefused(
        Status.Code.NOT_FOUND, "PLAN_SPEC_NOT_FOUND",
        () -> quote(accountKey, "no-such-spec", 1, Purpose.PURPOSE_MARKETING));
  }

  @Test
  void seedingAgainLeavesTheCatalogAsItIs() {
    long products = server.count("products");
    long specs = server.count("plan_specs");
    long tiers = server.count("plan_spec_tiers");
    Jdbi jdbi = server.jdbi().installPlugin(new SqlObjectPlugin());
    CatalogSeeder seeder =
        new CatalogSeeder(new JdbiTransactor(jdbi), new CatalogService(Clock.systemUTC(), new SettlementCurrency("CNY")));
    assertFalse(seeder.seedIfEmpty());
    assertEquals(products, server.count("products"));
    assertEquals(specs, server.count("plan_specs"));
    assertEquals(tiers, server.count("plan_spec_tiers"));
  }

  @Test
  void serversStartingTogetherOnAnEmptyDatabaseLoadTheDefaultCatalogOnce() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      Jdbi jdbi = Jdbis.create(db.dataSource());
      int servers = 4;
      ExecutorService pool = Executors.newFixedThreadPool(servers);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
          CatalogSeeder seeder =
              new CatalogSeeder(new JdbiTransactor(jdbi), new CatalogService(Clock.systemUTC(), new SettlementCurrency("CNY")));
          Callable<Boolean> seed = () -> {
            go.await();
            return seeder.seedIfEmpty();
          };
          results.add(pool.submit(seed));
        }
        go.countDown();
        int seeded = 0;
        for (Future<Boolean> r : results) {
          seeded += r.get() ? 1 : 0;
        }
        assertEquals(1, seeded);
      } finally {
        pool.shutdownNow();
      }
      long[] counts = jdbi.withHandle(h -> new long[] {
          h.createQuery("select count(*) from products").mapTo(Long.class).one(),
          h.createQuery("select count(*) from plan_specs").mapTo(Long.class).one(),
          h.createQuery("select count(*) from plan_spec_tiers").mapTo(Long.class).one()});
      assertEquals(3, counts[0]);
      assertEquals(7, counts[1]);
      assertEquals(6, counts[2]);
    }
  }

  @Test
  void aCatalogWithAnyProductIsNotSeeded() {
    try (TestDatabase db = TestDatabase.create()) {
      Jdbi jdbi = Jdbis.create(db.dataSource());
      JdbiTransactor transactor = new JdbiTransactor(jdbi);
      java.time.Instant now = java.time.Instant.parse("2026-11-22T08:00:00Z");
      transactor.inTransaction(tx -> tx.get(ProductRepository.class).insert(new io.resourceplans.domain.catalog.Product(
          "own-product", "Own", "", "unit", java.util.Map.of(), "", now, now)));
      CatalogSeeder seeder =
          new CatalogSeeder(transactor, new CatalogService(Clock.systemUTC(), new SettlementCurrency("CNY")));
      assertFalse(seeder.seedIfEmpty());
      assertEquals(1L, (long) jdbi.withHandle(h -> h.createQuery("select count(*) from products").mapTo(Long.class).one()));
    }
  }

  // --- operator changes

  @Test
  void operatorCreatesAProductAndItsSpecsAndAnyoneReadsThem() {
    String productId = newId("push");
    Product created = createProduct(productId);
    assertEquals("push", created.getQuantityUnit());
    assertTrue(created.hasCreateTime());

    PlanSpec fixed = createSpec(fixedSpec(productId, productId + "-1000"));
    assertEquals(PlanSpecState.PLAN_SPEC_STATE_ACTIVE, fixed.getState());
    assertEquals(List.of(Purpose.PURPOSE_MARKETING, Purpose.PURPOSE_GENERAL), fixed.getAllowedPurposesList());
    PlanSpec custom = createSpec(customSpec(productId, productId + "-custom", tier(100, 1000, "0.0025"), tier(1000, 0, "0.002")));

    // an account's sub-user without any permission reads the catalog too
    String main = server.newAccount("Reader Co").getApiKeySecret();
    var subUser = server.activation(main)
        .createSubUser(CreateSubUserRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("viewer").build())
        .getSubUser();
    String subKey = server.activation(main)
        .createApiKey(CreateApiKeyRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("viewer")
            .setSubUserId(subUser.getSubUserId()).build())
        .getSecret();
    for (String key : List.of(accountKey, subKey)) {
      assertEquals(created, server.plan(key).getProduct(GetProductRequest.newBuilder().setProductId(productId).build()).getProduct());
      assertEquals(custom, server.plan(key).getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId(custom.getPlanSpecId()).build()).getPlanSpec());
      assertEquals(
          List.of(fixed, custom),
          server.plan(key).listPlanSpecs(ListPlanSpecsRequest.newBuilder().setProductId(productId).build()).getPlanSpecsList());
    }
    // 300 at 0.0025 = 0.75
    assertEquals(cny("0.75"), quote(subKey, custom.getPlanSpecId(), 300, Purpose.PURPOSE_MARKETING).getTotalAmount());
  }

  @Test
  void retryingCreateProductReturnsTheFirstAnswerAndWritesOnce() {
    String productId = newId("retry");
    var request = CreateProductRequest.newBuilder().setRequestId(TestServer.requestId()).setProduct(product(productId)).build();
    long before = server.count("products");
    var first = server.operator().createProduct(request);
    server.clock.advance(java.time.Duration.ofSeconds(5));
    assertEquals(first, server.operator().createProduct(request));
    assertEquals(before + 1, server.count("products"));
  }

  @Test
  void takenIdsAndUnknownProductsAreRefused() {
    String productId = newId("dup");
    createProduct(productId);
    assertRefused(Status.Code.ALREADY_EXISTS, "PRODUCT_ALREADY_EXISTS", () -> createProduct(productId));
    createSpec(fixedSpec(productId, productId + "-a"));
    assertRefused(Status.Code.ALREADY_EXISTS, "PLAN_SPEC_ALREADY_EXISTS", () -> createSpec(fixedSpec(productId, productId + "-a")));
    // a spec ID is unique across products
    assertRefused(Status.Code.ALREADY_EXISTS, "PLAN_SPEC_ALREADY_EXISTS", () -> createSpec(fixedSpec("mail", productId + "-a")));
    assertRefused(Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND", () -> createSpec(fixedSpec("no-such-product", newId("orphan"))));
    assertEquals(1, specCount(productId));
    assertRefused(
        Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND",
        () -> server.plan(accountKey).getProduct(GetProductRequest.newBuilder().setProductId("no-such-product").build()));
    assertRefused(
        Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND",
        () -> server.plan(accountKey).listPlanSpecs(ListPlanSpecsRequest.newBuilder().setProductId("no-such-product").build()));
    assertRefused(
        Status.Code.NOT_FOUND, "PLAN_SPEC_NOT_FOUND",
        () -> server.plan(accountKey).getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId("no-such-spec").build()));
  }

  @Test
  void accountKeysCannotChangeTheCatalog() {
    String productId = newId("guard");
    long products = server.count("products");
    assertRefused(
        Status.Code.PERMISSION_DENIED, "OPERATOR_ONLY",
        () -> server.operator().withCallCredentials(TestServer.bearer(accountKey))
            .createProduct(CreateProductRequest.newBuilder().setRequestId(TestServer.requestId()).setProduct(product(productId)).build()));
    assertEquals(products, server.count("products"));
    var asAccount = server.operator().withCallCredentials(TestServer.bearer(accountKey));
    assertRefused(Status.Code.PERMISSION_DENIED, "OPERATOR_ONLY",
        () -> asAccount.createPlanSpec(createSpecRequest(fixedSpec("mail", newId("mail")))));
    assertRefused(Status.Code.PERMISSION_DENIED, "OPERATOR_ONLY",
        () -> asAccount.retirePlanSpec(retireRequest("mail-10000")));
    assertRefused(Status.Code.PERMISSION_DENIED, "OPERATOR_ONLY",
        () -> asAccount.updateProduct(UpdateProductRequest.newBuilder().setRequestId(TestServer.requestId())
            .setProduct(Product.newBuilder().setProductId("mail").setDisplayName("Hijacked"))
            .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build()));
    assertRefused(Status.Code.PERMISSION_DENIED, "OPERATOR_ONLY",
        () -> asAccount.updatePlanSpec(UpdatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId())
            .setPlanSpec(PlanSpec.newBuilder().setPlanSpecId("mail-10000").setDisplayName("Hijacked"))
            .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build()));
    assertEquals(PlanSpecState.PLAN_SPEC_STATE_ACTIVE,
        server.plan(accountKey).getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId("mail-10000").build()).getPlanSpec().getState());
    assertEquals("Direct Mail",
        server.plan(accountKey).getProduct(GetProductRequest.newBuilder().setProductId("mail").build()).getProduct().getDisplayName());
  }

  // --- validation the proto cannot express

  @Test
  void tiersMustBeOrderedAndContiguous() {
    String productId = newId("tiers");
    createProduct(productId);
    // unordered
    assertInvalid(
        () -> createSpec(customSpec(productId, newId("s"), tier(100, 1000, "0.05"), tier(1000, 5000, "0.04"), tier(500, 0, "0.03"))),
        "plan_spec.custom_pricing.tiers[2].min_quantity");
    // gap
    assertInvalid(
        () -> createSpec(customSpec(productId, newId("s"), tier(100, 1000, "0.05"), tier(2000, 0, "0.04"))),
        "plan_spec.custom_pricing.tiers[1].min_quantity");
    // overlap
    assertInvalid(
        () -> createSpec(customSpec(productId, newId("s"), tier(100, 1000, "0.05"), tier(900, 0, "0.04"))),
        "plan_spec.custom_pricing.tiers[1].min_quantity");
    // open in the middle, and a closed last tier
    assertInvalid(
        () -> createSpec(customSpec(productId, newId("s"), tier(100, 0, "0.05"), tier(1000, 5000, "0.04"))),
        "plan_spec.custom_pricing.tiers[0].max_quantity", "plan_spec.custom_pricing.tiers[1].max_quantity");
    // first tier above the minimum
    assertInvalid(
        () -> createSpec(customSpec(productId, newId("s"), tier(200, 0, "0.05"))),
        "plan_spec.custom_pricing.tiers[0].min_quantity");
    assertEquals(0, specCount(productId));
  }

  @Test
  void customSpecsNeverAllowTheGeneralPurpose() {
    String productId = newId("general");
    createProduct(productId);
    assertInvalid(
        () -> createSpec(customSpec(productId, newId("s"), tier(100, 0, "0.05")).addAllowedPurposes(Purpose.PURPOSE_GENERAL)),
        "plan_spec");
    PlanSpec custom = createSpec(customSpec(productId, newId("s"), tier(100, 0, "0.05")));
    assertInvalid(
        () -> server.operator().updatePlanSpec(UpdatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId())
            .setPlanSpec(PlanSpec.newBuilder().setPlanSpecId(custom.getPlanSpecId())
                .addAllowedPurposes(Purpose.PURPOSE_MARKETING).addAllowedPurposes(Purpose.PURPOSE_GENERAL))
            .setUpdateMask(FieldMask.newBuilder().addPaths("allowed_purposes")).build()),
        "plan_spec.allowed_purposes");
    assertEquals(
        List.of(Purpose.PURPOSE_MARKETING),
        server.plan(accountKey).getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId(custom.getPlanSpecId()).build())
            .getPlanSpec().getAllowedPurposesList());
  }

  @Test
  void amountsInAnotherCurrencyAreRefused() {
    String productId = newId("usd");
    long products = server.count("products");
    Product usd = product(productId).toBuilder()
        .setPayAsYouGoPrices(0, PayAsYouGoPrice.newBuilder().setPurpose(Purpose.PURPOSE_MARKETING)
            .setUnitPrice(com.google.type.Money.newBuilder().setCurrencyCode("USD").setNanos(2_000_000)))
        .build();
    assertRefused(Status.Code.FAILED_PRECONDITION, "CURRENCY_MISMATCH",
        () -> server.operator().createProduct(CreateProductRequest.newBuilder().setRequestId(TestServer.requestId()).setProduct(usd).build()));
    assertEquals(products, server.count("products"));

    createProduct(productId);
    VolumeTier usdTier = tier(1000, 0, "0.04").toBuilder()
        .setUnitPrice(com.google.type.Money.newBuilder().setCurrencyCode("USD").setNanos(40_000_000)).build();
    assertRefused(Status.Code.FAILED_PRECONDITION, "CURRENCY_MISMATCH",
        () -> createSpec(customSpec(productId, newId("s"), tier(100, 1000, "0.05"), usdTier)));
    assertEquals(0, specCount(productId));
  }

  // --- updates

  @Test
  void updateProductChangesOnlyTheMaskedFields() {
    String productId = newId("upd");
    Product before = createProduct(productId);
    server.clock.advance(java.time.Duration.ofMinutes(1));
    Product after = server.operator().updateProduct(UpdateProductRequest.newBuilder().setRequestId(TestServer.requestId())
            .setProduct(Product.newBuilder().setProductId(productId).setDisplayName("Renamed").setDescription("ignored")
                .addPayAsYouGoPrices(PayAsYouGoPrice.newBuilder().setPurpose(Purpose.PURPOSE_GENERAL).setUnitPrice(cny("0.003"))))
            .setUpdateMask(FieldMask.newBuilder().addPaths("display_name").addPaths("pay_as_you_go_prices"))
            .build())
        .getProduct();
    assertEquals("Renamed", after.getDisplayName());
    assertEquals(before.getDescription(), after.getDescription());
    assertEquals(before.getQuantityUnit(), after.getQuantityUnit());
    assertEquals(
        List.of(PayAsYouGoPrice.newBuilder().setPurpose(Purpose.PURPOSE_GENERAL).setUnitPrice(cny("0.003")).build()),
        after.getPayAsYouGoPricesList());
    assertEquals(before.getCreateTime(), after.getCreateTime());
    assertTrue(after.getUpdateTime().getSeconds() > before.getUpdateTime().getSeconds());
    assertEquals(after, server.plan(accountKey).getProduct(GetProductRequest.newBuilder().setProductId(productId).build()).getProduct());
  }

  @Test
  void updatesRefuseClearedRequiredFieldsAndUnknownPaths() {
    String productId = newId("clear");
    Product before = createProduct(productId);
    assertInvalid(
        () -> server.operator().updateProduct(UpdateProductRequest.newBuilder().setRequestId(TestServer.requestId())
            .setProduct(Product.newBuilder().setProductId(productId))
            .setUpdateMask(FieldMask.newBuilder().addPaths("quantity_unit")).build()),
        "product.quantity_unit");
    assertInvalid(
        () -> server.operator().updateProduct(UpdateProductRequest.newBuilder().setRequestId(TestServer.requestId())
            .setProduct(Product.newBuilder().setProductId(productId).setDisplayName("x"))
            .setUpdateMask(FieldMask.newBuilder().addPaths("product_id")).build()),
        "update_mask");
    assertEquals(before, server.plan(accountKey).getProduct(GetProductRequest.newBuilder().setProductId(productId).build()).getProduct());
    assertRefused(Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND",
        () -> server.operator().updateProduct(UpdateProductRequest.newBuilder().setRequestId(TestServer.requestId())
            .setProduct(Product.newBuilder().setProductId("no-such-product").setDisplayName("x"))
            .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build()));

    PlanSpec spec = createSpec(customSpec(productId, newId("s"), tier(100, 0, "0.05")));
    assertInvalid(
        () -> server.operator().updatePlanSpec(UpdatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId())
            .setPlanSpec(PlanSpec.newBuilder().setPlanSpecId(spec.getPlanSpecId()).setKind(PlanSpecKind.PLAN_SPEC_KIND_FIXED))
            .setUpdateMask(FieldMask.newBuilder().addPaths("kind")).build()),
        "update_mask");
    assertInvalid(
        () -> server.operator().updatePlanSpec(UpdatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId())
            .setPlanSpec(PlanSpec.newBuilder().setPlanSpecId(spec.getPlanSpecId())
                .setFixedPricing(FixedPricing.newBuilder().setQuantity(10).setPrice(cny("1.00"))))
            .setUpdateMask(FieldMask.newBuilder().addPaths("fixed_pricing")).build()),
        "plan_spec.fixed_pricing");
    assertInvalid(
        () -> server.operator().updatePlanSpec(UpdatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId())
            .setPlanSpec(PlanSpec.newBuilder().setPlanSpecId(spec.getPlanSpecId()))
            .setUpdateMask(FieldMask.newBuilder().addPaths("validity_months")).build()),
        "plan_spec.validity_months");
    assertInvalid(
        () -> server.operator().updatePlanSpec(UpdatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId())
            .setPlanSpec(PlanSpec.newBuilder().setPlanSpecId(spec.getPlanSpecId())
                .setCustomPricing(CustomPricing.newBuilder().setQuantityStep(100).setMinimumQuantity(100)
                    .addTiers(tier(100, 1000, "0.05")).addTiers(tier(2000, 0, "0.04"))))
            .setUpdateMask(FieldMask.newBuilder().addPaths("custom_pricing")).build()),
        "plan_spec.custom_pricing.tiers[1].min_quantity");
    assertEquals(spec, server.plan(accountKey).getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId(spec.getPlanSpecId()).build()).getPlanSpec());
  }

  @Test
  void newTiersApplyToTheNextQuote() {
    String productId = newId("reprice");
    createProduct(productId);
    PlanSpec spec = createSpec(customSpec(productId, newId("s"), tier(100, 0, "0.05")));
    assertEquals(cny("50.00"), quote(accountKey, spec.getPlanSpecId(), 1000, Purpose.PURPOSE_MARKETING).getTotalAmount());
    PlanSpec updated = server.operator().updatePlanSpec(UpdatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId())
            .setPlanSpec(PlanSpec.newBuilder().setPlanSpecId(spec.getPlanSpecId()).setDisplayName("Cheaper in bulk")
                .setValidityMonths(99)
                .setCustomPricing(CustomPricing.newBuilder().setQuantityStep(100).setMinimumQuantity(100)
                    .addTiers(tier(100, 1000, "0.05")).addTiers(tier(1000, 0, "0.0449"))))
            .setUpdateMask(FieldMask.newBuilder().addPaths("display_name").addPaths("custom_pricing"))
            .build())
        .getPlanSpec();
    assertEquals("Cheaper in bulk", updated.getDisplayName());
    assertEquals(12, updated.getValidityMonths());
    // 1,000 x 0.0449 = 44.90; 900 stays in the first tier: 45.00
    assertEquals(cny("44.90"), quote(accountKey, spec.getPlanSpecId(), 1000, Purpose.PURPOSE_MARKETING).getTotalAmount());
    assertEquals(cny("45.00"), quote(accountKey, spec.getPlanSpecId(), 900, Purpose.PURPOSE_MARKETING).getTotalAmount());
  }

  // --- retiring

  @Test
  void retiredSpecIsFinalReadableButNotQuotedOrChanged() {
    String productId = newId("retire");
    createProduct(productId);
    PlanSpec spec = createSpec(fixedSpec(productId, productId + "-1000"));
    server.clock.advance(java.time.Duration.ofMinutes(1));
    PlanSpec retired = server.operator().retirePlanSpec(retireRequest(spec.getPlanSpecId())).getPlanSpec();
    assertEquals(PlanSpecState.PLAN_SPEC_STATE_RETIRED, retired.getState());
    assertTrue(retired.hasRetireTime());

    server.clock.advance(java.time.Duration.ofMinutes(1));
    assertEquals(retired, server.operator().retirePlanSpec(retireRequest(spec.getPlanSpecId())).getPlanSpec());
    assertRefused(Status.Code.FAILED_PRECONDITION, "PLAN_SPEC_RETIRED",
        () -> quote(accountKey, spec.getPlanSpecId(), 1, Purpose.PURPOSE_MARKETING));
    assertRefused(Status.Code.FAILED_PRECONDITION, "PLAN_SPEC_RETIRED",
        () -> server.operator().updatePlanSpec(UpdatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId())
            .setPlanSpec(PlanSpec.newBuilder().setPlanSpecId(spec.getPlanSpecId()).setDisplayName("Back on sale"))
            .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build()));
    assertRefused(Status.Code.NOT_FOUND, "PLAN_SPEC_NOT_FOUND",
        () -> server.operator().retirePlanSpec(retireRequest("no-such-spec")));

    var plan = server.plan(accountKey);
    assertEquals(retired, plan.getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId(spec.getPlanSpecId()).build()).getPlanSpec());
    assertEquals(0, plan.listPlanSpecs(ListPlanSpecsRequest.newBuilder().setProductId(productId).build()).getPlanSpecsCount());
    assertEquals(
        List.of(retired),
        plan.listPlanSpecs(ListPlanSpecsRequest.newBuilder().setProductId(productId).setIncludeRetired(true).build()).getPlanSpecsList());
  }

  // --- paging

  @Test
  void productsPageInIdOrder() {
    for (int i = 0; i < 5; i++) {
      createProduct(newId("page"));
    }
    List<String> all = allProductIds(100);
    assertTrue(all.size() >= 8);
    assertEquals(all.stream().sorted().toList(), all);
    assertEquals(all, allProductIds(2));
    assertEquals(all, allProductIds(3));
    // page_size 0 means 20
    assertEquals(
        Math.min(all.size(), 20),
        server.plan(accountKey).listProducts(ListProductsRequest.getDefaultInstance()).getProductsCount());
  }

  @Test
  void pageTokensOnlyWorkForTheListThatIssuedThem() {
    assertRefused(Status.Code.INVALID_ARGUMENT, "PAGE_TOKEN_INVALID",
        () -> server.plan(accountKey).listProducts(ListProductsRequest.newBuilder().setPageToken("garbage!").build()));
    var plan = server.plan(accountKey);
    String token = plan.listPlanSpecs(ListPlanSpecsRequest.newBuilder().setProductId("mail").setPageSize(1).build()).getNextPageToken();
    assertFalse(token.isEmpty());
    assertEquals(1, plan.listPlanSpecs(ListPlanSpecsRequest.newBuilder().setProductId("mail").setPageSize(1).setPageToken(token).build())
        .getPlanSpecsCount());
    assertRefused(Status.Code.INVALID_ARGUMENT, "PAGE_TOKEN_INVALID",
        () -> plan.listPlanSpecs(ListPlanSpecsRequest.newBuilder().setProductId("sms-domestic").setPageToken(token).build()));
  }
}
