package io.resourceplans.server.bootstrap;

import io.resourceplans.domain.catalog.CatalogService;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Transactor;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the default catalog at startup when the catalog is empty, in one transaction. Several
 * servers may start at once on one database: the first to commit wins and the others find the
 * catalog taken and leave it as it is.
 */
@Singleton
public final class CatalogSeeder {
  private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

  private final Transactor transactor;
  private final CatalogService catalog;

  @Inject
  public CatalogSeeder(Transactor transactor, CatalogService catalog) {
    this.transactor = transactor;
    this.catalog = catalog;
  }

  /** True when this call loaded the default catalog. */
  public boolean seedIfEmpty() {
    try {
      boolean seeded = transactor.inTransaction(catalog::seedDefaultCatalogIfEmpty);
      if (seeded) {
        log.info("catalog was empty: loaded the default catalog");
      }
      return seeded;
    } catch (DomainException e) {
      if (e.code() == ErrorCode.PRODUCT_ALREADY_EXISTS || e.code() == ErrorCode.PLAN_SPEC_ALREADY_EXISTS) {
        log.info("catalog filled concurrently ({}); left as it is", e.getMessage());
        return false;
      }
      throw e;
    }
  }
}
