package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Moneys.cny;
import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.resourceplans.api.v1.BalanceKind;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.GrantGiftBalanceRequest;
import io.resourceplans.api.v1.LedgerEntryKind;
import io.resourceplans.api.v1.ListLedgerEntriesRequest;
import io.resourceplans.api.v1.SetCreditLineRequest;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.server.testing.Ledger;
import io.resourceplans.server.testing.Moneys;
import io.resourceplans.server.testing.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("citus")
class WalletTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static TopUpCashRequest topUp(String accountId, String amount) {
    return TopUpCashRequest.newBuilder().setRequestId(TestServer.requestId()).setAccountId(accountId).setAmount(cny(amount)).build();
  }

  @Test
  void aNewAccountHasAnEmptyWallet() {
    CreateAccountResponse a = server.newAccount("Empty Wallet");
    var wallet = server.plan(a.getApiKeySecret()).getWallet(GetWalletRequest.getDefaultInstance()).getWallet();
    assertEquals("0.00", plain(wallet.getCashBalance()));
    assertEquals("0.00", plain(wallet.getAvailable()));
    assertEquals("CNY", wallet.getAvailable().getCurrencyCode());
  }

  @Test
  void operatorTopsUpGrantsGiftAndSetsCreditAndTheLedgerMatches() {
    CreateAccountResponse a = server.newAccount("Seed Payer");
    String id = a.getAccount().getAccountId();
    server.operator().topUpCash(topUp(id, "18.70"));
    server.operator().grantGiftBalance(
        GrantGiftBalanceRequest.newBuilder().setRequestId(TestServer.requestId()).setAccountId(id).setAmount(cny("79640.03")).build());
    server.operator().setCreditLine(
        SetCreditLineRequest.newBuilder().setRequestId(TestServer.requestId()).setAccountId(id).setCreditLine(cny("100.00")).build());
    var wallet = server.plan(a.getApiKeySecret()).getWallet(GetWalletRequest.getDefaultInstance()).getWallet();
    assertEquals("18.70", plain(wallet.getCashBalance()));
    assertEquals("79640.03", plain(wallet.getGiftBalance()));
    assertEquals("100.00", plain(wallet.getCreditLine()));
    assertEquals("79758.73", plain(wallet.getAvailable()));
    var entries = server.plan(a.getApiKeySecret()).listLedgerEntries(ListLedgerEntriesRequest.getDefaultInstance());
    assertEquals(3, entries.getLedgerEntriesCount());
    var cashOnly =
        server.plan(a.getApiKeySecret())
            .listLedgerEntries(ListLedgerEntriesRequest.newBuilder().setBalanceKind(BalanceKind.BALANCE_KIND_CASH).build());
    assertEquals(1, cashOnly.getLedgerEntriesCount());
    assertEquals(LedgerEntryKind.LEDGER_ENTRY_KIND_TOP_UP, cashOnly.getLedgerEntries(0).getKind());
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), id);
  }

  @Test
  void retriedTopUpCreditsOnce() {
    CreateAccountResponse a = server.newAccount("Retry Payer");
    String id = a.getAccount().getAccountId();
    TopUpCashRequest request = topUp(id, "50.00");
    server.operator().topUpCash(request);
    var retry = server.operator().topUpCash(request);
    assertEquals("50.00", plain(retry.getWallet().getCashBalance()));
    var wallet = server.plan(a.getApiKeySecret()).getWallet(GetWalletRequest.getDefaultInstance()).getWallet();
    assertEquals("50.00", plain(wallet.getCashBalance()));
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), id);
  }

  @Test
  void moneyRefusals() {
    CreateAccountResponse a = server.newAccount("Refused Payer");
    String id = a.getAccount().getAccountId();
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "CURRENCY_MISMATCH",
        () ->
            server.operator().topUpCash(
                TopUpCashRequest.newBuilder().setRequestId(TestServer.requestId()).setAccountId(id).setAmount(Moneys.of("10", "USD")).build()));
    assertInvalid(() -> server.operator().topUpCash(topUp(id, "0.001")), "amount");
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "OPERATOR_ONLY",
        () -> io.resourceplans.api.v1.OperatorServiceGrpc.newBlockingStub(server.channel())
            .withCallCredentials(TestServer.bearer(a.getApiKeySecret()))
            .topUpCash(topUp(id, "10.00")));
    assertRefused(
        Status.Code.NOT_FOUND, "ACCOUNT_NOT_FOUND", () -> server.operator().topUpCash(topUp("acc-0000000000000000", "10.00")));
    long entries =
        server.jdbi().withHandle(h ->
            h.createQuery("select count(*) from ledger_entries where account_id = :a").bind("a", id).mapTo(Long.class).one());
    assertEquals(0, entries);
  }
}
