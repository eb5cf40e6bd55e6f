package io.resourceplans.storage.services;

import static io.resourceplans.storage.services.ServiceFixtures.CUSTOM;
import static io.resourceplans.storage.services.ServiceFixtures.CUSTOM_6M;
import static io.resourceplans.storage.services.ServiceFixtures.FIXED;
import static io.resourceplans.storage.services.ServiceFixtures.FIXED_SIZE;
import static io.resourceplans.storage.services.ServiceFixtures.REGION;
import static io.resourceplans.storage.services.ServiceFixtures.SMS;
import static io.resourceplans.storage.services.ServiceFixtures.assertRefused;
import static io.resourceplans.storage.services.ServiceFixtures.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.billing.LedgerEntry;
import io.resourceplans.domain.billing.LedgerEntryKind;
import io.resourceplans.domain.billing.Order;
import io.resourceplans.domain.billing.OrderState;
import io.resourceplans.domain.billing.PaidOrder;
import io.resourceplans.domain.billing.Payment;
import io.resourceplans.domain.billing.Voucher;
import io.resourceplans.domain.billing.VoucherState;
import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.catalog.FixedPricing;
import io.resourceplans.domain.catalog.PlanSpecUpdate;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.catalog.Quote;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.quota.PlanPackage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OrderService on the real database, without the server: prices as quoted, payment from vouchers
 * and the wallet all or nothing, the order's states, and the packages a payment issues.
 */
class OrderServiceTest {
  private static final Purpose VERIFICATION = Purpose.VERIFICATION_NOTIFICATION;
  private static final Purpose MARKETING = Purpose.MARKETING;
  private static final Purpose GENERAL = Purpose.GENERAL;

  @RegisterExtension static final ServiceFixtures f = ServiceFixtures.start();

  private static Quote quote(String spec, long quantity, Purpose purpose) {
    return f.tx(tx -> f.catalog.quote(tx, spec, quantity, purpose));
  }

  private static List<PlanPackage> packagesOf(Principal buyer, String orderId) {
    return f.tx(tx -> tx.get(PackageRepository.class).byOrder(buyer.accountId(), orderId));
  }

  private static VoucherState voucherState(Principal buyer, String voucherId) {
    Instant now = f.clock.instant();
    return f.tx(tx -> f.vouchers.list(tx, buyer, null, null, PageRequest.first(100, "vouchers"))).items().stream()
        .filter(v -> v.voucherId().equals(voucherId))
        .findFirst()
        .orElseThrow()
        .state(now);
  }

  /** The order is priced exactly as CatalogService quotes it. */
  private static void assertPricedAsQuoted(Order order, Quote quote) {
    assertEquals(quote.unitPrice(), order.unitPrice());
    assertEquals(quote.appliedTier(), order.appliedTier());
    assertEquals(quote.total(), order.listAmount());
    assertEquals(quote.total(), order.totalAmount());
    assertEquals(quote.issuedQuantity(), order.issuedQuantity());
    assertEquals(quote.purposePriceApplied(), order.purposePriceApplied());
  }

  @Test
  void aCustomOrderIsPricedAtTheTierItsWholeQuantityFallsIn() {
    Principal buyer = f.newAccount("Tier Buyer");
    Order below = f.order(buyer, CUSTOM, 9_900, VERIFICATION);
    assertPricedAsQuoted(below, quote(CUSTOM, 9_900, VERIFICATION));
    assertEquals(new VolumeTier(100, 10_000, cny("0.044")), below.appliedTier());
    assertEquals(cny("435.60"), below.listAmount());

    Order atTheStep = f.order(buyer, CUSTOM, 10_000, VERIFICATION);
    assertPricedAsQuoted(atTheStep, quote(CUSTOM, 10_000, VERIFICATION));
    assertEquals(cny("0.040"), atTheStep.unitPrice());
    assertEquals(cny("400.00"), atTheStep.listAmount(), "the whole quantity at the lower price");
    assertFalse(atTheStep.purposePriceApplied());
    assertEquals(OrderState.PENDING_PAYMENT, atTheStep.storedState());
  }

  @Test
  void aPurposeWithItsOwnPriceIsChargedThatPriceAndOtherPurposesTheSpecLevelOne() {
    Principal buyer = f.newAccount("Purpose Buyer");
    Order marketing = f.order(buyer, CUSTOM, 1_000, MARKETING);
    assertPricedAsQuoted(marketing, quote(CUSTOM, 1_000, MARKETING));
    assertEquals(cny("46.00"), marketing.listAmount());
    assertTrue(marketing.purposePriceApplied());
    Order bulkMarketing = f.order(buyer, CUSTOM, 10_000, MARKETING);
    assertEquals(cny("420.00"), bulkMarketing.listAmount(), "the purpose's own tiers, by the whole quantity");

    Order fixedMarketing = f.order(buyer, FIXED, 2, MARKETING);
    assertPricedAsQuoted(fixedMarketing, quote(FIXED, 2, MARKETING));
    assertEquals(cny("225.00"), fixedMarketing.unitPrice());
    assertEquals(cny("450.00"), fixedMarketing.listAmount());
    Order fixedGeneral = f.order(buyer, FIXED, 2, GENERAL);
    assertPricedAsQuoted(fixedGeneral, quote(FIXED, 2, GENERAL));
    assertEquals(cny("430.00"), fixedGeneral.listAmount());
    assertFalse(fixedGeneral.purposePriceApplied());
    assertNull(fixedGeneral.appliedTier());
  }

  @Test
  void payingIssuesOnePackagePerFixedPackageBoughtWithTheSpecsSizeAndValidity() {
    Principal buyer = f.newAccount("Package Buyer");
    f.fund(buyer, "1000.00", null);
    Instant paidAt = f.clock.instant();
    PaidOrder fixed = f.buy(buyer, FIXED, 2, GENERAL);
    assertEquals(OrderState.PAID, fixed.order().storedState());
    assertEquals(2, fixed.packages().size());
    Instant twelveMonths = paidAt.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
    for (PlanPackage p : fixed.packages()) {
      assertEquals(List.of(FIXED_SIZE, FIXED_SIZE), List.of(p.totalQuantity(), p.remainingQuantity()));
      assertEquals(List.of(SMS, GENERAL, REGION, fixed.order().orderId()),
          List.of(p.productId(), p.purpose(), p.regionId(), p.orderId()));
      assertEquals(paidAt, p.purchaseTime());
      assertEquals(twelveMonths, p.expireTime());
    }
    assertEquals(Set.copyOf(fixed.packages()), Set.copyOf(packagesOf(buyer, fixed.order().orderId())), "as stored");

    PaidOrder custom = f.buy(buyer, CUSTOM_6M, 300, MARKETING);
    PlanPackage one = custom.packages().get(0);
    assertEquals(1, custom.packages().size());
    assertEquals(List.of(300L, 300L), List.of(one.totalQuantity(), one.remainingQuantity()));
    assertEquals(paidAt.atZone(ZoneOffset.UTC).plusMonths(6).toInstant(), one.expireTime());
  }

  @Test
  void packagesKeepTheSizeValidityAndPriceTheOrderWasSoldWithWhenTheSpecChangesBeforePayment() {
    Principal buyer = f.newAccount("Early Buyer");
    f.fund(buyer, "1000.00", null);
    Order order = f.order(buyer, FIXED, 1, GENERAL);
    PlanSpecUpdate changed =
        new PlanSpecUpdate(null, null, 6, new FixedPricing(6_000, cny("250.00")), null, null);
    try {
      f.tx(tx -> f.catalog.updatePlanSpec(tx, Principal.operator(), FIXED, changed));
      Instant paidAt = f.clock.instant();
      PaidOrder paid = f.pay(buyer, order.orderId(), null);
      PlanPackage pkg = paid.packages().get(0);
      assertEquals(FIXED_SIZE, pkg.totalQuantity());
      assertEquals(paidAt.atZone(ZoneOffset.UTC).plusMonths(12).toInstant(), pkg.expireTime());
      assertEquals(cny("215.00"), paid.order().totalAmount());
      assertEquals(cny("785.00"), f.wallet(buyer).cash());
    } finally {
      PlanSpecUpdate back =
          new PlanSpecUpdate(null, null, 12, new FixedPricing(FIXED_SIZE, cny("215.00")), null, null);
      f.tx(tx -> f.catalog.updatePlanSpec(tx, Principal.operator(), FIXED, back));
    }
  }

  @Test
  void theWalletPaysFromGiftFirstThenCashAndEachMoveIsALedgerEntry() {
    Principal buyer = f.newAccount("Gift Buyer");
    f.fund(buyer, "500.00", "100.00");
    PaidOrder paid = f.buy(buyer, FIXED, 1, GENERAL);
    Payment payment = paid.order().payment();
    assertEquals(List.of(cny("100.00"), cny("115.00"), cny("0.00")),
        List.of(payment.gift(), payment.cash(), payment.credit()));
    Wallet wallet = f.wallet(buyer);
    assertEquals(List.of(cny("0.00"), cny("385.00")), List.of(wallet.gift(), wallet.cash()));
    List<LedgerEntry> payments =
        f.ledger(buyer).stream().filter(e -> e.kind() == LedgerEntryKind.ORDER_PAYMENT).toList();
    assertEquals(2, payments.size());
    assertTrue(payments.stream().allMatch(e -> e.orderId().equals(paid.order().orderId())));
    assertEquals(cny("-215.00"), payments.stream().map(LedgerEntry::amount).reduce(Money::plus).orElseThrow());
  }

  @Test
  void aPaymentTheWalletCannotCoverIsRefusedAndChangesNothing() {
    Principal buyer = f.newAccount("Poor Buyer");
    f.fund(buyer, "10.00", "5.00");
    Voucher voucher = f.voucher(buyer, "3.00", "0.00");
    Order order = f.order(buyer, CUSTOM, 1_000, VERIFICATION); // 44.00, 18.00 available with the voucher
    Wallet before = f.wallet(buyer);

    assertRefused(ErrorCode.INSUFFICIENT_BALANCE, () -> f.pay(buyer, order.orderId(), voucher.voucherId()));
    Wallet after = f.wallet(buyer);
    assertEquals(List.of(before.cash(), before.gift()), List.of(after.cash(), after.gift()));
    assertEquals(VoucherState.AVAILABLE, voucherState(buyer, voucher.voucherId()));
    assertEquals(OrderState.PENDING_PAYMENT, f.getOrder(buyer, order.orderId()).storedState());
    assertEquals(List.of(), packagesOf(buyer, order.orderId()));
    assertEquals(2, f.ledger(buyer).size(), "the top-up and the gift grant only");

    // Nothing was spent: with enough money the same order and voucher go through.
    f.fund(buyer, "30.00", null);
    PaidOrder paid = f.pay(buyer, order.orderId(), voucher.voucherId());
    assertEquals(cny("41.00"), paid.order().totalAmount());
  }

  @Test
  void aVoucherTakesItsAmountOffOneOrderOnly() {
    Principal buyer = f.newAccount("Voucher Buyer");
    f.fund(buyer, "100.00", null);
    Voucher voucher = f.voucher(buyer, "10.00", "40.00");
    PaidOrder paid = f.pay(buyer, f.order(buyer, CUSTOM, 1_000, VERIFICATION).orderId(), voucher.voucherId());
    assertEquals(List.of(cny("44.00"), cny("10.00"), cny("34.00")),
        List.of(paid.order().listAmount(), paid.order().voucherDiscount(), paid.order().totalAmount()));
    assertEquals(voucher.voucherId(), paid.order().payment().voucherId());
    assertEquals(cny("66.00"), f.wallet(buyer).cash());
    assertEquals(VoucherState.USED, voucherState(buyer, voucher.voucherId()));

    Order second = f.order(buyer, CUSTOM, 1_000, VERIFICATION);
    assertRefused(ErrorCode.VOUCHER_ALREADY_USED, () -> f.pay(buyer, second.orderId(), voucher.voucherId()));
    assertEquals(cny("66.00"), f.wallet(buyer).cash());
    assertEquals(OrderState.PENDING_PAYMENT, f.getOrder(buyer, second.orderId()).storedState());
  }

  @Test
  void aVoucherAppliesFromItsMinimumOrderAmountAndPaysAtMostTheOrder() {
    Principal buyer = f.newAccount("Minimum Buyer");
    f.fund(buyer, "100.00", null);
    Voucher needs50 = f.voucher(buyer, "5.00", "50.00");
    Order small = f.order(buyer, CUSTOM, 1_000, VERIFICATION); // 44.00
    assertRefused(ErrorCode.VOUCHER_NOT_APPLICABLE, () -> f.pay(buyer, small.orderId(), needs50.voucherId()));
    assertEquals(VoucherState.AVAILABLE, voucherState(buyer, needs50.voucherId()));
    assertEquals(cny("100.00"), f.wallet(buyer).cash());

    // Exactly the minimum is enough.
    Order atMinimum = f.order(buyer, CUSTOM_6M, 1_000, VERIFICATION); // 1,000 × 0.050 = 50.00
    assertEquals(cny("45.00"), f.pay(buyer, atMinimum.orderId(), needs50.voucherId()).order().totalAmount());

    // A voucher worth more than the order pays all of it; the wallet is not touched.
    Voucher big = f.voucher(buyer, "100.00", "0.00");
    PaidOrder free = f.pay(buyer, small.orderId(), big.voucherId());
    assertEquals(List.of(cny("44.00"), cny("0.00")), List.of(free.order().voucherDiscount(), free.order().totalAmount()));
    assertEquals(cny("55.00"), f.wallet(buyer).cash());
    assertEquals(1, free.packages().size());
  }

  @Test
  void aPaidOrderIsNeitherPaidAgainNorCancelled() {
    Principal buyer = f.newAccount("Double Payer");
    f.fund(buyer, "100.00", null);
    PaidOrder paid = f.buy(buyer, CUSTOM, 1_000, VERIFICATION);
    String orderId = paid.order().orderId();
    assertRefused(ErrorCode.ORDER_ALREADY_PAID, () -> f.pay(buyer, orderId, null));
    assertRefused(ErrorCode.ORDER_ALREADY_PAID, () -> f.tx(tx -> f.orders.cancel(tx, buyer, orderId)));
    assertEquals(cny("56.00"), f.wallet(buyer).cash());
    assertEquals(1, packagesOf(buyer, orderId).size());
    assertEquals(OrderState.PAID, f.getOrder(buyer, orderId).storedState());
  }

  @Test
  void concurrentPaymentsOfOneOrderChargeOnce() throws Exception {
    Principal buyer = f.newAccount("Racing Payer");
    f.fund(buyer, "100.00", null);
    Order order = f.order(buyer, CUSTOM, 1_000, VERIFICATION);
    int payers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(payers);
    List<String> outcomes = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < payers; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          try {
            f.pay(buyer, order.orderId(), null);
            return "PAID";
          } catch (DomainException e) {
            return e.code().name();
          }
        }));
      }
      go.countDown();
      for (Future<String> answer : answers) {
        outcomes.add(answer.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    // The order row lock lets one payment through; the others then find the order paid.
    assertEquals(1, outcomes.stream().filter("PAID"::equals).count(), outcomes::toString);
    assertEquals(payers - 1, outcomes.stream().filter("ORDER_ALREADY_PAID"::equals).count(), outcomes::toString);
    assertEquals(cny("56.00"), f.wallet(buyer).cash());
    assertEquals(1, packagesOf(buyer, order.orderId()).size());
  }

  @Test
  void aCancelledOrderStaysCancelledAndCannotBePaid() {
    Principal buyer = f.newAccount("Cancelling Buyer");
    f.fund(buyer, "100.00", null);
    Order order = f.order(buyer, CUSTOM, 1_000, VERIFICATION);
    Order cancelled = f.tx(tx -> f.orders.cancel(tx, buyer, order.orderId()));
    assertEquals(OrderState.CANCELLED, cancelled.storedState());
    assertEquals(cancelled, f.tx(tx -> f.orders.cancel(tx, buyer, order.orderId())), "cancelling again changes nothing");
    assertRefused(ErrorCode.ORDER_CANCELLED, () -> f.pay(buyer, order.orderId(), null));
    assertEquals(cny("100.00"), f.wallet(buyer).cash());
    assertEquals(List.of(), packagesOf(buyer, order.orderId()));
  }

  @Test
  void anUnpaidOrderExpiresAfterItsTimeToLive() {
    Principal buyer = f.newAccount("Slow Buyer");
    f.fund(buyer, "100.00", null);
    Order order = f.order(buyer, CUSTOM, 1_000, VERIFICATION);
    assertEquals(order.createTime().plus(Duration.ofHours(24)), order.expireTime());
    f.clock.advance(Duration.ofHours(24));
    assertEquals(OrderState.EXPIRED, f.getOrder(buyer, order.orderId()).state(f.clock.instant()));
    assertRefused(ErrorCode.ORDER_EXPIRED, () -> f.pay(buyer, order.orderId(), null));
    assertRefused(ErrorCode.ORDER_EXPIRED, () -> f.tx(tx -> f.orders.cancel(tx, buyer, order.orderId())));
    assertEquals(cny("100.00"), f.wallet(buyer).cash());
  }

  @Test
  void anotherAccountsOrderIsNotFound() {
    Principal owner = f.newAccount("Owner Co");
    Principal other = f.newAccount("Other Co");
    f.fund(other, "100.00", null);
    Order order = f.order(owner, CUSTOM, 1_000, VERIFICATION);
    assertRefused(ErrorCode.ORDER_NOT_FOUND, () -> f.pay(other, order.orderId(), null));
    assertEquals(cny("100.00"), f.wallet(other).cash());
    assertEquals(OrderState.PENDING_PAYMENT, f.getOrder(owner, order.orderId()).storedState());
  }
}
