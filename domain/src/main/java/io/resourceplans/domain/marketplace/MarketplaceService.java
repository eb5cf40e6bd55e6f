package io.resourceplans.domain.marketplace;

import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.terms.Terms;
import io.resourceplans.domain.terms.TermsAcceptances;
import io.resourceplans.domain.terms.TermsKind;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The account side of a marketplace purchase: activating a vendor's plan (the request completes at
 * once, creating the instance), listing purchased services, and "Login directly" tickets.
 */
public final class MarketplaceService {
  private final Clock clock;
  private final TermsService terms;
  private final TermsAcceptances acceptances;
  private final LoginTickets tickets;
  private final Duration ticketTtl;

  public MarketplaceService(
      Clock clock, TermsService terms, TermsAcceptances acceptances, LoginTickets tickets, Duration ticketTtl) {
    this.clock = clock;
    this.terms = terms;
    this.acceptances = acceptances;
    this.tickets = tickets;
    this.ticketTtl = ticketTtl;
  }

  /**
   * Creates the instance of a marketplace product. The same activation request ID always gives back
   * the instance it created (marketplaces retry and expect the same ID); another request for a
   * product the account already has is refused MARKETPLACE_PLAN_ALREADY_ACTIVE.
   */
  public MarketplaceInstance activate(
      Tx tx, Principal caller, String requestId, String productId, String acceptedAgreementVersion) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS, Permission.ORDER_ACCESS);
    Optional<MarketplaceInstance> earlier = tx.get(MarketplaceInstanceRepository.class).findByActivateRequest(accountId, requestId);
    if (earlier.isPresent() && earlier.get().productId().equals(productId)) {
      return earlier.get();
    }
    Product product =
        tx.get(ProductRepository.class)
            .find(productId)
            .orElseThrow(() -> DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "product", productId));
    if (product.vendorName() == null || product.vendorName().isBlank()) {
      throw new DomainException(
          ErrorCode.PRODUCT_NOT_ON_MARKETPLACE,
          "product " + productId + " is not sold on the marketplace",
          Map.of("product_id", productId));
    }
    Terms agreement = terms.requireAccepted(tx, TermsKind.MARKETPLACE, acceptedAgreementVersion);
    Instant now = Times.now(clock);
    MarketplaceInstance instance =
        new MarketplaceInstance(
            accountId, Ids.newId("ins"), productId, product.displayName(), agreement.version(), requestId, now,
            null, null);
    if (!tx.get(MarketplaceInstanceRepository.class).insert(instance)) {
      throw new DomainException(
          ErrorCode.MARKETPLACE_PLAN_ALREADY_ACTIVE,
          "the account already has an instance of " + productId,
          Map.of("product_id", productId));
    }
    acceptances.record(tx, caller, agreement, "marketplace:" + instance.instanceId(), now);
    return instance;
  }

  public Page<MarketplaceInstance> list(Tx tx, Principal caller, PageRequest page) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    return tx.get(MarketplaceInstanceRepository.class).list(accountId, page);
  }

  public MarketplaceInstance get(Tx tx, Principal caller, String instanceId) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    return require(tx, accountId, instanceId);
  }

  /** "Login directly": a new single-use ticket for one of the account's instances. */
  public IssuedTicket issueTicket(Tx tx, Principal caller, String requestId, String instanceId) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    MarketplaceInstance instance = require(tx, accountId, instanceId);
    Instant now = Times.now(clock);
    LoginTicket ticket =
        new LoginTicket(
            accountId, Ids.newId("tkt"), instance.instanceId(), instance.productId(), requestId, now,
            now.plus(ticketTtl), null);
    if (!tx.get(LoginTicketRepository.class).insert(ticket)) {
      ticket = tx.get(LoginTicketRepository.class).findByIssueRequest(accountId, requestId).orElseThrow();
    }
    return issued(ticket);
  }

  /**
   * The ticket issued for {@code requestId}, signed again (signing is deterministic, so it is the
   * same string): idempotent replays get the ticket without it ever being stored.
   */
  public IssuedTicket reissue(Tx tx, Principal caller, String requestId) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    LoginTicket ticket =
        tx.get(LoginTicketRepository.class)
            .findByIssueRequest(accountId, requestId)
            .orElseThrow(() -> new IllegalStateException("replayed ticket request has no ticket"));
    return issued(ticket);
  }

  private IssuedTicket issued(LoginTicket ticket) {
    return new IssuedTicket(tickets.sign(ticket), ticket.instanceId(), ticket.expireTime());
  }

  static MarketplaceInstance require(Tx tx, String accountId, String instanceId) {
    return tx.get(MarketplaceInstanceRepository.class)
        .find(accountId, instanceId)
        .orElseThrow(() -> instanceNotFound(instanceId));
  }

  public static DomainException instanceNotFound(String instanceId) {
    return DomainException.notFound(ErrorCode.MARKETPLACE_INSTANCE_NOT_FOUND, "marketplace instance", instanceId);
  }
}
