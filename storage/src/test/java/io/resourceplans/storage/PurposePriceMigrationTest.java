package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.domain.catalog.DefaultCatalog;
import io.resourceplans.domain.catalog.PlanSpec;
import io.resourceplans.domain.catalog.PlanSpecRepository;
import io.resourceplans.domain.catalog.PurposePrice;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.db.Migrations;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V13: a database whose default catalog was loaded before purpose prices existed gets the default
 * catalog's marketing SMS prices, on the default specs whose spec-level price the operator left as
 * it was; specs the operator repriced or retired, and every other spec, get none.
 */
class PurposePriceMigrationTest {
  private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
  private static final DefaultCatalog CATALOG = DefaultCatalog.of("CNY", AT);

  @Test
  void defaultSmsSpecsLoadedBeforeV13GetTheMarketingPrices() {
    try (TestDatabase db = TestDatabase.create("12")) {
      Jdbi jdbi = Jdbis.create(db.dataSource());
      jdbi.useHandle(h -> {
        CATALOG.products().forEach(p -> h.execute("""
            insert into products (product_id, display_name, description, quantity_unit, vendor_name, create_time, update_time)
            values (?, ?, ?, ?, '', ?, ?)
            """, p.productId(), p.displayName(), p.description(), p.quantityUnit(), AT, AT));
        CATALOG.planSpecs().forEach(s -> insertAsBeforeV13(h, s));
        // The operator repriced one default spec and retired another.
        h.execute("update plan_specs set fixed_price = 210.00 where plan_spec_id = 'sms-domestic-5000'");
        h.execute("update plan_specs set state = 'RETIRED', retire_time = ? where plan_spec_id = 'sms-international-custom'", AT);
      });

      Migrations.migrate(db.dataSource());

      Transactor transactor = new JdbiTransactor(jdbi);
      Map<String, List<PurposePrice>> migrated = transactor.readOnly(tx ->
          CATALOG.planSpecs().stream().collect(Collectors.toMap(
              PlanSpec::planSpecId, s -> tx.get(PlanSpecRepository.class).find(s.planSpecId()).orElseThrow().purposePrices())));
      // Untouched default specs: exactly what a fresh server ships.
      for (String id : List.of("sms-domestic-custom", "sms-domestic-100000")) {
        assertEquals(spec(id).purposePrices(), migrated.get(id), id);
      }
      assertEquals(4, migrated.get("sms-domestic-custom").get(0).tiers().size());
      // Repriced, retired, and mail: none.
      for (String id : List.of("sms-domestic-5000", "sms-international-custom", "mail-10000", "mail-100000", "mail-1000000")) {
        assertEquals(List.of(), migrated.get(id), id);
      }
      // The spec-level prices are untouched.
      assertEquals(
          spec("sms-domestic-custom").custom(),
          transactor.readOnly(tx -> tx.get(PlanSpecRepository.class).find("sms-domestic-custom").orElseThrow().custom()));
    }
  }

  private static PlanSpec spec(String id) {
    return CATALOG.planSpecs().stream().filter(s -> s.planSpecId().equals(id)).findFirst().orElseThrow();
  }

  /** The rows a server before V13 wrote for a default spec (no purpose prices). */
  private static void insertAsBeforeV13(Handle h, PlanSpec s) {
    h.createUpdate("""
            insert into plan_specs (plan_spec_id, product_id, display_name, kind, allowed_purposes, validity_months,
                                    fixed_quantity, fixed_price, fixed_currency, quantity_step, minimum_quantity,
                                    maximum_quantity, state, create_time, update_time)
            values (:id, :product, :name, :kind, :purposes, :validity, :fq, :fp, :fc, :step, :min, :max, 'ACTIVE', :at, :at)
            """)
        .bind("id", s.planSpecId())
        .bind("product", s.productId())
        .bind("name", s.displayName())
        .bind("kind", s.kind().name())
        .bind("purposes", s.allowedPurposes().stream().map(Enum::name).sorted().toArray(String[]::new))
        .bind("validity", s.validityMonths())
        .bind("fq", s.fixed() == null ? null : s.fixed().quantity())
        .bind("fp", s.fixed() == null ? null : s.fixed().price().amount())
        .bind("fc", s.fixed() == null ? null : s.fixed().price().currency())
        .bind("step", s.custom() == null ? null : s.custom().step())
        .bind("min", s.custom() == null ? null : s.custom().minimum())
        .bind("max", s.custom() == null ? null : s.custom().maximum())
        .bind("at", AT)
        .execute();
    if (s.custom() != null) {
      List<VolumeTier> tiers = s.custom().tiers();
      for (int i = 0; i < tiers.size(); i++) {
        VolumeTier t = tiers.get(i);
        h.execute("""
            insert into plan_spec_tiers (plan_spec_id, position, min_quantity, max_quantity, unit_price, currency)
            values (?, ?, ?, ?, ?, ?)
            """, s.planSpecId(), i, t.minQuantity(), t.maxQuantity(), t.unitPrice().amount(), t.unitPrice().currency());
      }
    }
  }
}
