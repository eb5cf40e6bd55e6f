package io.resourceplans.server.faults;

import io.resourceplans.api.v1.ActivateMarketplacePlanRequest;
import io.resourceplans.api.v1.CompanyInfo;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.IssueLoginTicketRequest;
import io.resourceplans.api.v1.NewVendorUser;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RegisterRequest;
import io.resourceplans.api.v1.ResolveLoginTicketRequest;
import io.resourceplans.api.v1.SendVerificationCodeRequest;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.api.v1.WorkspaceLanguage;
import io.resourceplans.server.testing.MailedCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * Traffic that moves money and quota, from several threads, that carries on across kills and
 * restarts: each request is sent until it has a definite answer (see {@link Calls}), always with
 * its own request_id and content. Records what was asked and what was answered, for the exactly-once
 * check against the database afterwards.
 */
final class Load {
  /** One RecordUsage and the usage record its (first) answer named. */
  record Usage(String requestId, long quantity, String usageId) {}

  /** One CreateOrder and its PayOrder, with the order ID and total both answers named. */
  record Order(String createRequestId, String payRequestId, String orderId, String paidOrderId) {}

  /** One account taken through marketplace activation, a mailed code and vendor registration. */
  record Onboarding(String accountId, String instanceId, String email, String username, boolean registered) {}

  private final Calls calls;
  private final Tenant tenant;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final Queue<Usage> usages = new ConcurrentLinkedQueue<>();
  private final Queue<Order> orders = new ConcurrentLinkedQueue<>();
  private final Queue<Onboarding> onboardings = new ConcurrentLinkedQueue<>();
  private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

  Load(Calls calls, Tenant tenant) {
    this.calls = calls;
    this.tenant = tenant;
  }

  /** Senders of RecordUsage on the tenant's package (quantities 1 to 7). */
  Load usage(int workers) {
    return workers("usage", workers, w -> {
      for (int j = 0; !stopping.get(); j++) {
        String requestId = "use-" + w + "-" + j;
        long quantity = 1 + j % 7;
        var answer = calls.untilDefinite(ch -> Stubs.plan(ch, tenant.key()).recordUsage(
            RecordUsageRequest.newBuilder()
                .setRequestId(requestId)
                .setProductId(Tenant.PRODUCT)
                .setPurpose(Tenant.PURPOSE)
                .setRegionId(Tenant.REGION)
                .setQuantity(quantity)
                .build()));
        usages.add(new Usage(requestId, quantity, answer.getUsageRecord().getUsageId()));
      }
    });
  }

  /** Buyers of one 5,000-message package at a time: CreateOrder, then PayOrder from the wallet. */
  Load orders(int workers) {
    String terms = calls.untilDefinite(ch -> Tenant.terms(ch, tenant.key(), TermsKind.TERMS_KIND_RESOURCE_PLAN));
    return workers("orders", workers, w -> {
      for (int j = 0; !stopping.get(); j++) {
        String create = "ord-" + w + "-" + j;
        String pay = "pay-" + w + "-" + j;
        var order = calls.untilDefinite(ch -> Stubs.plan(ch, tenant.key()).createOrder(
            CreateOrderRequest.newBuilder()
                .setRequestId(create)
                .setPlanSpecId("sms-domestic-5000")
                .setQuantity(1)
                .setPurpose(Purpose.PURPOSE_GENERAL)
                .setRegionId(Tenant.REGION)
                .setAcceptedTermsVersion(terms)
                .build())).getOrder();
        var paid = calls.untilDefinite(ch -> Stubs.plan(ch, tenant.key()).payOrder(
            PayOrderRequest.newBuilder().setRequestId(pay).setOrderId(order.getOrderId()).build())).getOrder();
        orders.add(new Order(create, pay, order.getOrderId(), paid.getOrderId()));
      }
    });
  }

  /**
   * Takes each account through ActivateMarketplacePlan, IssueLoginTicket, ResolveLoginTicket,
   * SendVerificationCode and, once the code arrives by mail, Register. A code whose mail a kill
   * delayed (the dispatcher's lease on it runs 5 minutes) is not waited for.
   */
  Load onboarding(List<CreateAccountResponse> accounts, MailedCodes mail) {
    return workers("onboarding", 1, w -> {
      for (int a = 0; a < accounts.size() && !stopping.get(); a++) {
        onboardings.add(onboard(a, accounts.get(a), mail));
      }
    });
  }

  private Onboarding onboard(int n, CreateAccountResponse account, MailedCodes mail) {
    String key = account.getApiKeySecret();
    String cloud = account.getAccount().getAccountId();
    String agreement = calls.untilDefinite(ch -> Tenant.terms(ch, key, TermsKind.TERMS_KIND_MARKETPLACE));
    String instance = calls.untilDefinite(ch -> Stubs.activation(ch, key).activateMarketplacePlan(
        ActivateMarketplacePlanRequest.newBuilder()
            .setRequestId("act-" + n)
            .setProductId(Tenant.MARKETPLACE_PRODUCT)
            .setAcceptedAgreementVersion(agreement)
            .build())).getInstance().getInstanceId();
    String ticket = calls.untilDefinite(ch -> Stubs.activation(ch, key).issueLoginTicket(
        IssueLoginTicketRequest.newBuilder().setRequestId("tkt-" + n).setInstanceId(instance).build()))
        .getLoginTicket().getTicket();
    calls.untilDefinite(ch -> Stubs.binding(ch).resolveLoginTicket(
        ResolveLoginTicketRequest.newBuilder()
            .setRequestId("res-" + n)
            .setTicket(ticket)
            .setProductId(Tenant.MARKETPLACE_PRODUCT)
            .build()));
    String username = "vendor" + n;
    String email = username + "@vendor.example";
    calls.untilDefinite(ch -> Stubs.binding(ch).sendVerificationCode(
        SendVerificationCodeRequest.newBuilder()
            .setRequestId("code-" + n)
            .setCloudAccountId(cloud)
            .setInstanceId(instance)
            .setPurpose(VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER)
            .setEmail(email)
            .build()));
    String code = awaitCode(mail, email);
    if (code != null) {
      calls.untilDefinite(ch -> Stubs.binding(ch).register(
          RegisterRequest.newBuilder()
              .setRequestId("reg-" + n)
              .setCloudAccountId(cloud)
              .setInstanceId(instance)
              .setUser(NewVendorUser.newBuilder()
                  .setUsername(username)
                  .setPassword("Correct-horse-9")
                  .setPasswordConfirmation("Correct-horse-9")
                  .setEmail(email)
                  .setVerificationCode(code)
                  .setPhone("+8613800000000"))
              .setCompany(CompanyInfo.newBuilder().setCompanyName(username + " Inc").setIndustry("Software").setContactName("Li Lei"))
              .setWorkspaceName(username + "-main")
              .setWorkspaceLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_ENGLISH)
              .setSiteId("ap-singapore")
              .setAcceptedTermsVersion("2026-01")
              .build()));
    }
    return new Onboarding(cloud, instance, email, username, code != null);
  }

  private static String awaitCode(MailedCodes mail, String email) {
    for (int i = 0; i < 100; i++) {
      if (mail.count(email) > 0) {
        return mail.latestCode(email);
      }
      Calls.sleep(100);
    }
    return null;
  }

  private Load workers(String name, int count, IntConsumer body) {
    for (int w = 0; w < count; w++) {
      int worker = w;
      Thread t = new Thread(() -> {
        try {
          body.accept(worker);
        } catch (Throwable e) {
          failures.add(e);
        }
      }, name + "-" + w);
      threads.add(t);
      t.start();
    }
    return this;
  }

  /** Waits (at most two minutes) until {@code count} usages have been answered. */
  void awaitUsages(int count) throws InterruptedException {
    await("usages", usages::size, count);
  }

  /** Waits (at most two minutes) until {@code count} orders have been paid and accounts onboarded. */
  void awaitOrdersAndOnboardings(int count) throws InterruptedException {
    await("orders", orders::size, count);
    await("onboardings", onboardings::size, count);
  }

  private void await(String what, IntSupplier done, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (done.getAsInt() < count) {
      if (System.nanoTime() > deadline || !failures.isEmpty()) {
        throw new AssertionError("only " + done.getAsInt() + " of " + count + " " + what + "; failures: " + failures);
      }
      Thread.sleep(20);
    }
  }

  /** Lets every thread finish the request it is on (with retries), then waits for them. */
  void stop() throws InterruptedException {
    stopping.set(true);
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(4));
      if (t.isAlive()) {
        throw new AssertionError(t.getName() + " did not finish");
      }
    }
  }

  List<Usage> usages() {
    return List.copyOf(usages);
  }

  List<Order> orders() {
    return List.copyOf(orders);
  }

  List<Onboarding> onboardings() {
    return List.copyOf(onboardings);
  }

  List<Throwable> failures() {
    return List.copyOf(failures);
  }
}
