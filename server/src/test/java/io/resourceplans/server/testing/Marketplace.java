package io.resourceplans.server.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import io.resourceplans.api.v1.ActivateMarketplacePlanRequest;
import io.resourceplans.api.v1.CompanyInfo;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateProductRequest;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.IssueLoginTicketRequest;
import io.resourceplans.api.v1.MarketplaceInstance;
import io.resourceplans.api.v1.NewVendorUser;
import io.resourceplans.api.v1.Product;
import io.resourceplans.api.v1.RegisterRequest;
import io.resourceplans.api.v1.ResolveLoginTicketRequest;
import io.resourceplans.api.v1.ResolveLoginTicketResponse;
import io.resourceplans.api.v1.SendVerificationCodeRequest;
import io.resourceplans.api.v1.SendVerificationCodeResponse;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.api.v1.WorkspaceLanguage;
import java.time.Duration;

/**
 * Steps of the marketplace and binding flows, done through the API as the marketplace console and
 * the vendor's back end would.
 */
public final class Marketplace implements AfterAllCallback {
  public static final String PRODUCT = "acme-observability";
  public static final String PASSWORD = "Correct-horse-9";

  private final TestServer server;
  public final MailedCodes mail;

  private Marketplace(TestServer server, MailedCodes mail) {
    this.server = server;
    this.mail = mail;
  }

  /**
   * A test server whose email goes to a test SMTP server (where the vendor's verification codes
   * arrive), with {@link #PRODUCT} listed on the marketplace.
   */
  public static Marketplace start() throws Exception {
    MailedCodes mail = MailedCodes.start();
    Marketplace market = new Marketplace(new TestServer(mail.delivery()), mail);
    mail.of(market.server);
    market.listVendorProduct(PRODUCT);
    return market;
  }

  /**
   * One for a test class that JUnit closes after the class, as
   * {@code @RegisterExtension static final Marketplace market = Marketplace.forClass();}.
   */
  public static Marketplace forClass() {
    try {
      return start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the marketplace test server", e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  public TestServer server() {
    return server;
  }

  public void close() throws Exception {
    server.close();
    mail.close();
  }

  /** A new cloud account with an instance of {@link #PRODUCT}: {account ID, instance ID}. */
  public String[] flow(String name) {
    CreateAccountResponse account = server.newAccount(name);
    String ins = activate(account, PRODUCT, TestServer.requestId()).getInstanceId();
    return new String[] {account.getAccount().getAccountId(), ins};
  }

  /** The operator lists a vendor's commercial plan on the marketplace. */
  public void listVendorProduct(String productId) {
    server.operator()
        .createProduct(
            CreateProductRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setProduct(
                    Product.newBuilder()
                        .setProductId(productId)
                        .setDisplayName("Acme Observability Commercial Plan")
                        .setQuantityUnit("month")
                        .setVendorName("Acme Cloud Ltd"))
                .build());
  }

  public String currentTerms(String key, TermsKind kind) {
    return server.plan(key).getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(kind).build()).getTerms().getVersion();
  }

  public MarketplaceInstance activate(CreateAccountResponse account, String productId, String requestId) {
    String key = account.getApiKeySecret();
    return server.activation(key)
        .activateMarketplacePlan(
            ActivateMarketplacePlanRequest.newBuilder()
                .setRequestId(requestId)
                .setProductId(productId)
                .setAcceptedAgreementVersion(currentTerms(key, TermsKind.TERMS_KIND_MARKETPLACE))
                .build())
        .getInstance();
  }

  public String ticket(CreateAccountResponse account, String instanceId) {
    return server.activation(account.getApiKeySecret())
        .issueLoginTicket(
            IssueLoginTicketRequest.newBuilder().setRequestId(TestServer.requestId()).setInstanceId(instanceId).build())
        .getLoginTicket()
        .getTicket();
  }

  public ResolveLoginTicketResponse resolve(String ticket) {
    return server.binding()
        .resolveLoginTicket(
            ResolveLoginTicketRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setTicket(ticket)
                .setProductId(PRODUCT)
                .build());
  }

  /** Sends a code to an email; the clock moves a second first, so the newest mail is unambiguous. */
  public SendVerificationCodeResponse sendCode(
      String cloudAccountId, String instanceId, VerificationCodePurpose purpose, String email) {
    server.clock.advance(Duration.ofSeconds(1));
    return server.binding()
        .sendVerificationCode(
            SendVerificationCodeRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setCloudAccountId(cloudAccountId)
                .setInstanceId(instanceId)
                .setPurpose(purpose)
                .setEmail(email)
                .build());
  }

  public SendVerificationCodeResponse sendCodeToBillingAccount(
      String cloudAccountId, String instanceId, String billingUsername) {
    server.clock.advance(Duration.ofSeconds(1));
    return server.binding()
        .sendVerificationCode(
            SendVerificationCodeRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setCloudAccountId(cloudAccountId)
                .setInstanceId(instanceId)
                .setPurpose(VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_BIND_BILLING_ACCOUNT)
                .setBillingUsername(billingUsername)
                .build());
  }

  public static NewVendorUser newUser(String username, String email, String code) {
    return NewVendorUser.newBuilder()
        .setUsername(username)
        .setPassword(PASSWORD)
        .setPasswordConfirmation(PASSWORD)
        .setEmail(email)
        .setVerificationCode(code)
        .setPhone("+8613800000000")
        .build();
  }

  public static CompanyInfo company(String name) {
    return CompanyInfo.newBuilder().setCompanyName(name).setIndustry("Software").setContactName("Li Lei").build();
  }

  /** A Register request (without request_id changes: a fresh one each call). */
  public RegisterRequest.Builder registerRequest(
      String cloudAccountId, String instanceId, String username, String email, String code) {
    return RegisterRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setCloudAccountId(cloudAccountId)
        .setInstanceId(instanceId)
        .setUser(newUser(username, email, code))
        .setCompany(company(username + " Inc"))
        .setWorkspaceName(username + "-main")
        .setWorkspaceLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_ENGLISH)
        .setSiteId("ap-singapore")
        .setAcceptedTermsVersion("2026-01");
  }
}
