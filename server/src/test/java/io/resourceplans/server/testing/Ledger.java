package io.resourceplans.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Checks, straight from the tables, that every wallet balance equals the sum of its ledger entries. */
public final class Ledger {
  private Ledger() {}

  public static void assertBalancesEqualLedgerSums(Jdbi jdbi, String accountId) {
    Map<String, Object> wallet =
        jdbi.withHandle(h ->
            h.createQuery("select cash_balance, gift_balance, credit_line, credit_used from wallets where account_id = :a")
                .bind("a", accountId).mapToMap().one());
    BigDecimal cash = sum(jdbi, accountId, "CASH");
    BigDecimal gift = sum(jdbi, accountId, "GIFT");
    BigDecimal credit = sum(jdbi, accountId, "CREDIT");
    assertEquals(0, ((BigDecimal) wallet.get("cash_balance")).compareTo(cash), "cash " + wallet + " vs ledger " + cash);
    assertEquals(0, ((BigDecimal) wallet.get("gift_balance")).compareTo(gift), "gift " + wallet + " vs ledger " + gift);
    BigDecimal unusedCredit = ((BigDecimal) wallet.get("credit_line")).subtract((BigDecimal) wallet.get("credit_used"));
    assertEquals(0, unusedCredit.compareTo(credit), "unused credit " + unusedCredit + " vs ledger " + credit);
  }

  private static BigDecimal sum(Jdbi jdbi, String accountId, String balanceKind) {
    return jdbi.withHandle(h ->
        h.createQuery("select coalesce(sum(amount), 0) from ledger_entries where account_id = :a and balance_kind = :k")
            .bind("a", accountId).bind("k", balanceKind).mapTo(BigDecimal.class).one());
  }
}
