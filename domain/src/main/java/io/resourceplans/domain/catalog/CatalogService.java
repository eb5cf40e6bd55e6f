package io.resourceplans.domain.catalog;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The catalog: products, plan specs and quotes. Reads are open to any authenticated caller;
 * changes are the operator's. Callers pass the transaction so that an idempotency record can commit
 * with the change.
 */
@Singleton
public final class CatalogService {
  private final Clock clock;
  private final SettlementCurrency currency;

  @Inject
  public CatalogService(Clock clock, SettlementCurrency currency) {
    this.clock = clock;
    this.currency = currency;
  }

  public Page<Product> listProducts(Tx tx, PageRequest page) {
    return tx.get(ProductRepository.class).list(page);
  }

  public Product getProduct(Tx tx, String productId) {
    return tx.get(ProductRepository.class).find(productId).orElseThrow(() -> productNotFound(productId));
  }

  /** A product's specs (page tokens are bound to the product and filters by the caller's list key). */
  public Page<PlanSpec> listPlanSpecs(Tx tx, String productId, boolean includeRetired, PageRequest page) {
    getProduct(tx, productId);
    return tx.get(PlanSpecRepository.class).list(productId, includeRetired, page);
  }

  /** Active or retired. */
  public PlanSpec getPlanSpec(Tx tx, String planSpecId) {
    return tx.get(PlanSpecRepository.class).find(planSpecId).orElseThrow(() -> planSpecNotFound(planSpecId));
  }

  /** The price of a purchase, exactly as an order would be charged (see {@link Pricing}). */
  public Quote quote(Tx tx, String planSpecId, long quantity, Purpose purpose) {
    return Pricing.quote(getPlanSpec(tx, planSpecId), quantity, purpose);
  }

  public Product createProduct(Tx tx, Principal caller, NewProduct request) {
    caller.requireOperator();
    Instant now = Times.now(clock);
    Product product =
        new Product(
            request.productId(),
            request.displayName(),
            request.description(),
            request.quantityUnit(),
            request.payAsYouGoPrices(),
            request.vendorName(),
            now,
            now);
    CatalogValidation.requireValid(product, currency);
    insert(tx, product);
    return product;
  }

  /** New pay-as-you-go prices apply to usage recorded after the update. */
  public Product updateProduct(Tx tx, Principal caller, String productId, ProductUpdate update) {
    caller.requireOperator();
    Product current = tx.get(ProductRepository.class).findForUpdate(productId).orElseThrow(() -> productNotFound(productId));
    Product updated = update.applyTo(current, Times.now(clock));
    CatalogValidation.requireValid(updated, currency);
    tx.get(ProductRepository.class).update(updated);
    return updated;
  }

  public PlanSpec createPlanSpec(Tx tx, Principal caller, NewPlanSpec request) {
    caller.requireOperator();
    Instant now = Times.now(clock);
    PlanSpec spec =
        new PlanSpec(
            request.planSpecId(),
            request.productId(),
            request.displayName(),
            request.kind(),
            request.allowedPurposes(),
            request.validityMonths(),
            request.fixed(),
            request.custom(),
            request.purposePrices(),
            PlanSpecState.ACTIVE,
            now,
            now,
            null);
    CatalogValidation.requireValid(spec, currency);
    getProduct(tx, spec.productId());
    insert(tx, spec);
    return spec;
  }

  /**
   * Changes an active spec; new quotes and orders see the change, existing orders and packages
   * keep what they were sold with.
   */
  public PlanSpec updatePlanSpec(Tx tx, Principal caller, String planSpecId, PlanSpecUpdate update) {
    caller.requireOperator();
    PlanSpec current = tx.get(PlanSpecRepository.class).findForUpdate(planSpecId).orElseThrow(() -> planSpecNotFound(planSpecId));
    if (current.state() == PlanSpecState.RETIRED) {
      throw new DomainException(
          ErrorCode.PLAN_SPEC_RETIRED,
          "plan spec " + planSpecId + " is retired and can no longer be changed",
          Map.of("plan_spec_id", planSpecId));
    }
    PlanSpec updated = update.applyTo(current, Times.now(clock));
    CatalogValidation.requireValid(updated, currency);
    tx.get(PlanSpecRepository.class).update(updated);
    return updated;
  }

  /** Final; retiring a retired spec returns it unchanged. */
  public PlanSpec retirePlanSpec(Tx tx, Principal caller, String planSpecId) {
    caller.requireOperator();
    PlanSpec current = tx.get(PlanSpecRepository.class).findForUpdate(planSpecId).orElseThrow(() -> planSpecNotFound(planSpecId));
    if (current.state() == PlanSpecState.RETIRED) {
      return current;
    }
    Instant now = Times.now(clock);
    PlanSpec retired =
        new PlanSpec(
            current.planSpecId(),
            current.productId(),
            current.displayName(),
            current.kind(),
            current.allowedPurposes(),
            current.validityMonths(),
            current.fixed(),
            current.custom(),
            current.purposePrices(),
            PlanSpecState.RETIRED,
            current.createTime(),
            now,
            now);
    tx.get(PlanSpecRepository.class).update(retired);
    return retired;
  }

  /**
   * Loads {@link DefaultCatalog} when the catalog has no product at all; false when there was
   * something already. Safe when several servers start at once: a product inserted concurrently
   * fails this transaction with PRODUCT_ALREADY_EXISTS (or PLAN_SPEC_ALREADY_EXISTS), and the
   * catalog that committed first stays whole.
   */
  public boolean seedDefaultCatalogIfEmpty(Tx tx) {
    if (!tx.get(ProductRepository.class).isEmpty()) {
      return false;
    }
    DefaultCatalog catalog = DefaultCatalog.of(currency.code(), Times.now(clock));
    for (Product product : catalog.products()) {
      CatalogValidation.requireValid(product, currency);
      insert(tx, product);
    }
    for (PlanSpec spec : catalog.planSpecs()) {
      CatalogValidation.requireValid(spec, currency);
      insert(tx, spec);
    }
    return true;
  }

  private static void insert(Tx tx, Product product) {
    if (!tx.get(ProductRepository.class).insert(product)) {
      throw new DomainException(
          ErrorCode.PRODUCT_ALREADY_EXISTS,
          "product " + product.productId() + " already exists",
          Map.of("product_id", product.productId()));
    }
  }

  private static void insert(Tx tx, PlanSpec spec) {
    if (!tx.get(PlanSpecRepository.class).insert(spec)) {
      throw new DomainException(
          ErrorCode.PLAN_SPEC_ALREADY_EXISTS,
          "plan spec " + spec.planSpecId() + " already exists",
          Map.of("plan_spec_id", spec.planSpecId()));
    }
  }

  private static DomainException productNotFound(String productId) {
    return DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "product", productId);
  }

  private static DomainException planSpecNotFound(String planSpecId) {
    return DomainException.notFound(ErrorCode.PLAN_SPEC_NOT_FOUND, "plan spec", planSpecId);
  }
}
