package io.resourceplans.bench;

import io.grpc.Channel;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.ActivatePayAsYouGoRequest;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.CheckQuotaResponse;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.IdentityReviewDecision;
import io.resourceplans.api.v1.IdentitySubjectType;
import io.resourceplans.api.v1.OrderState;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.PayOrderResponse;
import io.resourceplans.api.v1.ProductPackageSummary;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.QuotePriceRequest;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.TopUpCashRequest;
import com.google.type.Money;
import io.resourceplans.client.ResourcePlansClient;
import io.resourceplans.server.mapping.MoneyMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Makes accounts ready to record usage, through the API as a real customer would: the operator
 * opens the account, the account submits identity verification and the operator approves it, the
 * operator tops up exactly the price of the packages, the account orders and pays them.
 */
final class AccountPreparer {
  static final String PRODUCT = "sms-domestic";
  static final String PLAN_SPEC = "sms-domestic-100000";
  static final String REGION = "ap-southeast-1";
  /** The packages' purpose: usage of any purpose falls back to them after exact-purpose ones. */
  static final Purpose PACKAGE_PURPOSE = Purpose.PURPOSE_GENERAL;
  static final String CURRENCY = "CNY";

  private final ResourcePlansClient operator;
  private final Channel channel;

  AccountPreparer(ResourcePlansClient operator, Channel channel) {
    this.operator = operator;
    this.channel = channel;
  }

  /** Prepares {@code count} accounts with packages, a few at a time; fails on the first refusal. */
  List<BenchAccount> prepare(String namePrefix, int count, int packages) throws InterruptedException {
    return prepareEach(namePrefix, count, name -> prepareOne(name, packages));
  }

  private static List<BenchAccount> prepareEach(String namePrefix, int count, Function<String, BenchAccount> prepareOne)
      throws InterruptedException {
    ExecutorService workers = Executors.newFixedThreadPool(Math.min(4, count));
    try {
      List<Future<BenchAccount>> pending = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        String name = String.format("%s %03d", namePrefix, i);
        pending.add(workers.submit(() -> prepareOne.apply(name)));
      }
      List<BenchAccount> accounts = new ArrayList<>();
      for (Future<BenchAccount> f : pending) {
        try {
          accounts.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("preparing an account failed: " + e.getCause(), e.getCause());
        }
      }
      return accounts;
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * Prepares {@code count} accounts with no packages, pay-as-you-go active for {@link #PRODUCT} in
   * {@link #REGION}, and {@code yuan} in cash.
   */
  List<BenchAccount> preparePayAsYouGo(String namePrefix, int count, long yuan) throws InterruptedException {
    return prepareEach(namePrefix, count, name -> prepareOnePayAsYouGo(name, yuan));
  }

  /** The wallet charge of one pay-as-you-go message of the benchmark's usage, in cents (CheckQuota). */
  static long chargeCents(BenchAccount account) {
    CheckQuotaResponse check = account.plan()
        .checkQuota(CheckQuotaRequest.newBuilder()
            .setProductId(PRODUCT)
            .setPurpose(UsageCaller.USAGE_PURPOSE)
            .setQuantity(1)
            .setRegionId(REGION)
            .build());
    if (!check.getAllowed() || check.getPayAsYouGoQuantity() != 1) {
      throw new IllegalStateException("a message is not charged pay-as-you-go: " + check);
    }
    return cents(check.getEstimatedCharge());
  }

  /** Cash, gift and credit the accounts' wallets have left, in cents. */
  static long availableCents(List<BenchAccount> accounts) {
    return accounts.stream()
        .mapToLong(a -> cents(a.plan().getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getAvailable()))
        .sum();
  }

  /** The amount in cents; an amount that is not a whole number of cents throws ArithmeticException. */
  private static long cents(Money money) {
    return MoneyMapper.toDomain(money, "amount").amount().movePointRight(2).longValueExact();
  }

  private BenchAccount prepareOnePayAsYouGo(String displayName, long yuan) {
    BenchAccount account = open(displayName);
    String terms =
        account.plan()
            .getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(TermsKind.TERMS_KIND_PAY_AS_YOU_GO).build())
            .getTerms()
            .getVersion();
    account.client().activation()
        .activatePayAsYouGo(
            ActivatePayAsYouGoRequest.newBuilder()
                .setRequestId(requestId())
                .setProductId(PRODUCT)
                .setRegionId(REGION)
                .setAcceptedAgreementVersion(terms)
                .build());
    operator.operator()
        .topUpCash(
            TopUpCashRequest.newBuilder()
                .setRequestId(requestId())
                .setAccountId(account.accountId())
                .setAmount(Money.newBuilder().setCurrencyCode(CURRENCY).setUnits(yuan))
                .build());
    return account;
  }

  private BenchAccount prepareOne(String displayName, int packages) {
    BenchAccount account = open(displayName);
    String accountId = account.accountId();
    ResourcePlansClient client = account.client();

    var price =
        client.plan()
            .quotePrice(
                QuotePriceRequest.newBuilder()
                    .setPlanSpecId(PLAN_SPEC)
                    .setQuantity(packages)
                    .setPurpose(PACKAGE_PURPOSE)
                    .build())
            .getTotalAmount();
    operator.operator()
        .topUpCash(TopUpCashRequest.newBuilder().setRequestId(requestId()).setAccountId(accountId).setAmount(price).build());

    String terms =
        client.plan()
            .getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(TermsKind.TERMS_KIND_RESOURCE_PLAN).build())
            .getTerms()
            .getVersion();
    String orderId =
        client.plan()
            .createOrder(
                CreateOrderRequest.newBuilder()
                    .setRequestId(requestId())
                    .setPlanSpecId(PLAN_SPEC)
                    .setQuantity(packages)
                    .setPurpose(PACKAGE_PURPOSE)
                    .setRegionId(REGION)
                    .setAcceptedTermsVersion(terms)
                    .build())
            .getOrder()
            .getOrderId();
    PayOrderResponse paid =
        client.plan().payOrder(PayOrderRequest.newBuilder().setRequestId(requestId()).setOrderId(orderId).build());
    if (paid.getOrder().getState() != OrderState.ORDER_STATE_PAID) {
      throw new IllegalStateException("order " + orderId + " of " + displayName + " is " + paid.getOrder().getState());
    }
    return account;
  }

  /** Opens a verified account (the operator creates it and approves its identity verification). */
  private BenchAccount open(String displayName) {
    CreateAccountResponse created =
        operator.operator()
            .createAccount(
                CreateAccountRequest.newBuilder()
                    .setRequestId(requestId())
                    .setDisplayName(displayName)
                    .setContactEmail(displayName.toLowerCase().replace(' ', '.') + "@bench.example.com")
                    .setDefaultRegionId(REGION)
                    .build());
    String accountId = created.getAccount().getAccountId();
    BenchAccount account = new BenchAccount(accountId, created.getApiKeySecret(), channel);
    ResourcePlansClient client = account.client();

    String verificationId =
        client.activation()
            .submitIdentityVerification(
                SubmitIdentityVerificationRequest.newBuilder()
                    .setRequestId(requestId())
                    .setSubjectType(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_ENTERPRISE)
                    .setLegalName(displayName + " Ltd")
                    .setDocumentNumber("91330100MA2B3C4D5E")
                    .build())
            .getIdentityVerification()
            .getIdentityVerificationId();
    operator.operator()
        .reviewIdentityVerification(
            ReviewIdentityVerificationRequest.newBuilder()
                .setRequestId(requestId())
                .setIdentityVerificationId(verificationId)
                .setDecision(IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE)
                .build());
    return account;
  }

  /** Remaining {@link #PRODUCT} quota of the account, over its active packages. */
  static long remaining(BenchAccount account) {
    return account.plan()
        .getPackageSummary(GetPackageSummaryRequest.newBuilder().setProductId(PRODUCT).build())
        .getProductsList()
        .stream()
        .filter(p -> p.getProductId().equals(PRODUCT))
        .mapToLong(ProductPackageSummary::getRemainingQuantity)
        .sum();
  }

  /** Remaining quota summed over the accounts. */
  static long remaining(List<BenchAccount> accounts) {
    return accounts.stream().mapToLong(AccountPreparer::remaining).sum();
  }

  private static String requestId() {
    return UUID.randomUUID().toString();
  }
}
