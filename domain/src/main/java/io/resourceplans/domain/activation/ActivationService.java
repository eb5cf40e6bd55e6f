package io.resourceplans.domain.activation;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.identity.IdentityRules;
import io.resourceplans.domain.region.Region;
import io.resourceplans.domain.region.Regions;
import io.resourceplans.domain.terms.Terms;
import io.resourceplans.domain.terms.TermsAcceptances;
import io.resourceplans.domain.terms.TermsKind;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.domain.clock.AccountClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Pay-as-you-go activation per product and region, and whether a product is usable now. */
@Singleton
public final class ActivationService {
  private final Clock clock;
  private final AccountClock accountClock;
  private final TermsService terms;
  private final TermsAcceptances acceptances;
  private final ProductCatalog products;
  private final PackageAvailability packages;

  /** With each account's own time (test clocks). */
  @Inject
  public ActivationService(Clock clock, TermsService terms, TermsAcceptances acceptances, ProductCatalog products, PackageAvailability packages, AccountClock accountClock) {
    this.clock = clock;
    this.terms = terms;
    this.acceptances = acceptances;
    this.products = products;
    this.packages = packages;
    this.accountClock = accountClock;
  }

  /**
   * Activating is buying: a sub-user needs both permissions, the account a verified identity (and
   * the region's consent), and the request the current activation agreement. Every check runs
   * before the already-active answer, so an outdated agreement is refused even then; when already
   * active, the existing activation is returned unchanged and no second acceptance is stored.
   */
  public Activation activatePayAsYouGo(
      Tx tx, Principal caller, String productId, String regionId, String acceptedAgreementVersion) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS, Permission.ORDER_ACCESS);
    requireProduct(tx, productId);
    Region region = Regions.require(tx, regionId);
    Account account = account(tx, accountId);
    IdentityRules.requireMayBuyIn(account, region, "activate pay-as-you-go");
    Terms agreement = terms.requireAccepted(tx, TermsKind.PAY_AS_YOU_GO, acceptedAgreementVersion);

    Instant now = Times.now(clock);
    Activation activation = new Activation(accountId, productId, regionId, agreement.version(), now);
    if (!tx.get(ActivationRepository.class).insert(activation)) {
      return tx.get(ActivationRepository.class).find(accountId, productId, regionId).orElseThrow();
    }
    acceptances.record(tx, caller, agreement, "activation:" + productId + "/" + regionId, now);
    return activation;
  }

  /** {@code regionId} null means the account's default region. */
  public ActivationStatus status(Tx tx, Principal caller, String productId, String regionId) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    requireProduct(tx, productId);
    Account account = account(tx, accountId);
    Region region = Regions.requireOrDefault(tx, regionId, account);
    Optional<Activation> activation = tx.get(ActivationRepository.class).find(accountId, productId, region.regionId());
    PackageAvailability.ActivePackages active =
        packages.active(tx, accountId, productId, region.regionId(), accountClock.now(tx, accountId));
    ProductUsability usability = ProductUsability.of(activation.isPresent(), active);
    boolean verificationRequired = IdentityRules.mustVerifyToBuyIn(account, region);
    return new ActivationStatus(
        productId, region.regionId(), usability, activation, active, verificationRequired);
  }

  public Page<Activation> list(Tx tx, Principal caller, PageRequest page) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    return tx.get(ActivationRepository.class).list(accountId, page);
  }

  private void requireProduct(Tx tx, String productId) {
    if (!products.exists(tx, productId)) {
      throw DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "product", productId);
    }
  }

  private static Account account(Tx tx, String accountId) {
    return tx.get(AccountRepository.class)
        .find(accountId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId));
  }
}
