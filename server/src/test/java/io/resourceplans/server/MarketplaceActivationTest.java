package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.grpc.Status;
import io.resourceplans.api.v1.ActivateMarketplacePlanRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetMarketplaceInstanceRequest;
import io.resourceplans.api.v1.IssueLoginTicketRequest;
import io.resourceplans.api.v1.ListMarketplaceInstancesRequest;
import io.resourceplans.api.v1.MarketplaceInstance;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("citus")
class MarketplaceActivationTest {
  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();

  @BeforeAll
  static void start() throws Exception {
    market.listVendorProduct("acme-logs");
  }

  @Test
  void activatingTheSameListingTwiceWithOneRequestIdYieldsOneInstance() {
    CreateAccountResponse account = server.newAccount("Twice Retry");
    String requestId = TestServer.requestId();
    MarketplaceInstance first = market.activate(account, Marketplace.PRODUCT, requestId);
    MarketplaceInstance second = market.activate(account, Marketplace.PRODUCT, requestId);
    assertEquals(first, second);
    long rows =
        server.jdbi().withHandle(h -> h.createQuery("select count(*) from marketplace_instances where account_id = :a")
            .bind("a", account.getAccount().getAccountId()).mapTo(Long.class).one());
    assertEquals(1, rows);
    // Even when the idempotency record is gone, the instance row remembers its request.
    server.jdbi().useHandle(h -> h.execute("delete from idempotency_records where request_id = ?", requestId));
    assertEquals(first, market.activate(account, Marketplace.PRODUCT, requestId));

    // Another request for the same listing is refused; the account has one instance per product.
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "MARKETPLACE_PLAN_ALREADY_ACTIVE",
        () -> market.activate(account, Marketplace.PRODUCT, TestServer.requestId()));
  }

  @Test
  void purchasedServicesArePagedNewestFirst() {
    CreateAccountResponse account = server.newAccount("Two Plans");
    MarketplaceInstance older = market.activate(account, Marketplace.PRODUCT, TestServer.requestId());
    server.clock.advance(java.time.Duration.ofSeconds(5));
    MarketplaceInstance newer = market.activate(account, "acme-logs", TestServer.requestId());
    var stub = server.activation(account.getApiKeySecret());
    var page1 = stub.listMarketplaceInstances(ListMarketplaceInstancesRequest.newBuilder().setPageSize(1).build());
    assertEquals(newer.getInstanceId(), page1.getInstances(0).getInstanceId());
    assertFalse(page1.getNextPageToken().isEmpty());
    var page2 =
        stub.listMarketplaceInstances(
            ListMarketplaceInstancesRequest.newBuilder().setPageSize(1).setPageToken(page1.getNextPageToken()).build());
    assertEquals(older.getInstanceId(), page2.getInstances(0).getInstanceId());
    assertEquals("", page2.getNextPageToken());
  }

  @Test
  void onlyMarketplaceProductsWithTheCurrentAgreement() {
    CreateAccountResponse account = server.newAccount("Wrong Product");
    String key = account.getApiKeySecret();
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "PRODUCT_NOT_ON_MARKETPLACE",
        () -> market.activate(account, "sms-domestic", TestServer.requestId()));
    assertRefused(
        Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND", () -> market.activate(account, "no-such-product", TestServer.requestId()));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "TERMS_VERSION_OUTDATED",
        () ->
            server.activation(key)
                .activateMarketplacePlan(
                    ActivateMarketplacePlanRequest.newBuilder()
                        .setRequestId(TestServer.requestId())
                        .setProductId(Marketplace.PRODUCT)
                        .setAcceptedAgreementVersion("2025-01")
                        .build()));
  }

  @Test
  void anotherAccountsInstanceIsNotFound() {
    CreateAccountResponse owner = server.newAccount("Owner Tenant");
    CreateAccountResponse other = server.newAccount("Other Tenant");
    String ins = market.activate(owner, Marketplace.PRODUCT, TestServer.requestId()).getInstanceId();
    assertRefused(
        Status.Code.NOT_FOUND,
        "MARKETPLACE_INSTANCE_NOT_FOUND",
        () -> server.activation(other.getApiKeySecret())
            .getMarketplaceInstance(GetMarketplaceInstanceRequest.newBuilder().setInstanceId(ins).build()));
    assertRefused(
        Status.Code.NOT_FOUND,
        "MARKETPLACE_INSTANCE_NOT_FOUND",
        () -> market.ticket(other, ins));
  }

  @Test
  void aReplayedTicketRequestGetsTheSameTicketWhichIsNeverStored() {
    CreateAccountResponse account = server.newAccount("Ticket Replay");
    String ins = market.activate(account, Marketplace.PRODUCT, TestServer.requestId()).getInstanceId();
    var request = IssueLoginTicketRequest.newBuilder().setRequestId(TestServer.requestId()).setInstanceId(ins).build();
    var stub = server.activation(account.getApiKeySecret());
    var first = stub.issueLoginTicket(request).getLoginTicket();
    var again = stub.issueLoginTicket(request).getLoginTicket();
    assertEquals(first, again);
    assertEquals(server.clock.instant().plus(java.time.Duration.ofMinutes(5)).getEpochSecond(), first.getExpireTime().getSeconds());
    long leaks =
        server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from idempotency_records where position(convert_to(:s, 'UTF8') in response) > 0")
            .bind("s", first.getTicket()).mapTo(Long.class).one());
    assertEquals(0, leaks);
  }
}
