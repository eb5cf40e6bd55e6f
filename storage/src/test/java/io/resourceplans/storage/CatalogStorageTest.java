package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.catalog.CustomPricing;
import io.resourceplans.domain.catalog.DefaultCatalog;
import io.resourceplans.domain.catalog.PlanSpec;
import io.resourceplans.domain.catalog.PlanSpecKind;
import io.resourceplans.domain.catalog.PlanSpecRepository;
import io.resourceplans.domain.catalog.PlanSpecState;
import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Products and plan specs read back exactly as written: amounts, tiers in order, states. */
class CatalogStorageTest {
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00.123456Z");
  private static TestDatabase db;
  private static Transactor transactor;
  private static DefaultCatalog catalog;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    transactor = new JdbiTransactor(Jdbis.create(db.dataSource()));
    catalog = DefaultCatalog.of("CNY", NOW);
    boolean emptyAtFirst = transactor.readOnly(tx -> tx.get(ProductRepository.class).isEmpty());
    assertTrue(emptyAtFirst);
    transactor.inTransaction(
        tx -> {
          catalog.products().forEach(p -> assertTrue(tx.get(ProductRepository.class).insert(p)));
          catalog.planSpecs().forEach(s -> assertTrue(tx.get(PlanSpecRepository.class).insert(s)));
          return null;
        });
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void defaultCatalogReadsBackEqual() {
    for (Product p : catalog.products()) {
      assertEquals(Optional.of(p), transactor.readOnly(tx -> tx.get(ProductRepository.class).find(p.productId())));
    }
    for (PlanSpec s : catalog.planSpecs()) {
      assertEquals(Optional.of(s), transactor.readOnly(tx -> tx.get(PlanSpecRepository.class).find(s.planSpecId())));
    }
    boolean empty = transactor.readOnly(tx -> tx.get(ProductRepository.class).isEmpty());
    assertFalse(empty);
  }

  @Test
  void takenIdsAreNotInsertedAgain() {
    Product mail = catalog.products().get(2);
    Product other = new Product(mail.productId(), "Other", "", "x", Map.of(), "", NOW, NOW);
    boolean inserted = transactor.inTransaction(tx -> tx.get(ProductRepository.class).insert(other));
    assertFalse(inserted);
    assertEquals(Optional.of(mail), transactor.readOnly(tx -> tx.get(ProductRepository.class).find(mail.productId())));
    PlanSpec spec = catalog.planSpecs().get(0);
    boolean specInserted = transactor.inTransaction(tx -> tx.get(PlanSpecRepository.class).insert(spec));
    assertFalse(specInserted);
  }

  @Test
  void nineDecimalUnitPricesAndReplacedTiersAreKeptExactly() {
    Product product =
        new Product("p-exact", "Exact", "", "message",
            Map.of(Purpose.MARKETING, Money.of("0.123456789", "CNY")), "", NOW, NOW);
    PlanSpec spec =
        new PlanSpec("s-exact", "p-exact", "Exact", PlanSpecKind.CUSTOM, Set.of(Purpose.MARKETING), 3, null,
            new CustomPricing(10, 10, 1000, List.of(new VolumeTier(10, 0, Money.of("0.000000001", "CNY")))),
            List.of(), PlanSpecState.ACTIVE, NOW, NOW, null);
    transactor.inTransaction(tx -> tx.get(ProductRepository.class).insert(product) && tx.get(PlanSpecRepository.class).insert(spec));
    assertEquals(Optional.of(product), transactor.readOnly(tx -> tx.get(ProductRepository.class).find("p-exact")));

    Instant later = NOW.plusSeconds(60);
    PlanSpec retiredWithNewTiers =
        new PlanSpec("s-exact", "p-exact", "Renamed", PlanSpecKind.CUSTOM, Set.of(Purpose.VERIFICATION_NOTIFICATION), 4, null,
            new CustomPricing(10, 10, 0, List.of(
                new VolumeTier(10, 100, Money.of("0.5", "CNY")),
                new VolumeTier(100, 0, Money.of("0.4", "CNY")))),
            List.of(), PlanSpecState.RETIRED, NOW, later, later);
    transactor.inTransaction(tx -> {
      tx.get(PlanSpecRepository.class).findForUpdate("s-exact").orElseThrow();
      tx.get(PlanSpecRepository.class).update(retiredWithNewTiers);
      return null;
    });
    assertEquals(Optional.of(retiredWithNewTiers), transactor.readOnly(tx -> tx.get(PlanSpecRepository.class).find("s-exact")));

    Product repriced =
        new Product("p-exact", "Exact", "d", "message",
            Map.of(Purpose.GENERAL, Money.of("1", "CNY"), Purpose.MARKETING, Money.of("2", "CNY")), "v", NOW, later);
    transactor.inTransaction(tx -> {
      tx.get(ProductRepository.class).update(repriced);
      return null;
    });
    assertEquals(Optional.of(repriced), transactor.inTransaction(tx -> tx.get(ProductRepository.class).findForUpdate("p-exact")));
  }

  @Test
  void specsOfAProductPageInIdOrderWithRetiredOnesOnRequest() {
    List<String> active = new ArrayList<>();
    PageRequest page = PageRequest.of(1, 10, "", "specs");
    while (true) {
      PageRequest current = page;
      Page<PlanSpec> result = transactor.readOnly(tx -> tx.get(PlanSpecRepository.class).list("mail", false, current));
      result.items().forEach(s -> active.add(s.planSpecId()));
      if (result.nextPageToken().isEmpty()) {
        break;
      }
      page = PageRequest.of(1, 10, result.nextPageToken().get(), "specs");
    }
    assertEquals(List.of("mail-10000", "mail-100000", "mail-1000000"), active);

    List<String> products = transactor.readOnly(tx -> tx.get(ProductRepository.class).list(PageRequest.of(2, 10, "", "products"))).items()
        .stream().map(Product::productId).toList();
    assertEquals(2, products.size());
    assertTrue(products.get(0).compareTo(products.get(1)) < 0);
  }
}
