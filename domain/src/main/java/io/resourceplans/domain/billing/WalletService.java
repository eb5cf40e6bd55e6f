package io.resourceplans.domain.billing;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wallet changes. Each one locks the wallet row, writes the new balances and one ledger entry per
 * balance moved, in the caller's transaction; the database's check constraints back the rules
 * (no negative balance, credit used within the line).
 */
@Singleton
public final class WalletService {
  /** A wallet change and the ledger entries it wrote. */
  public record Change(Wallet wallet, List<LedgerEntry> entries) {
    public Change {
      entries = List.copyOf(entries);
    }
  }

  private final Clock clock;
  private final SettlementCurrency currency;

  @Inject
  public WalletService(Clock clock, SettlementCurrency currency) {
    this.clock = clock;
    this.currency = currency;
  }

  public Wallet get(Tx tx, Principal caller) {
    String accountId = caller.requirePermissions(io.resourceplans.domain.auth.Permission.ORDER_ACCESS);
    return tx.get(WalletRepository.class).find(accountId).orElseGet(() -> Wallet.empty(accountId, currency.code(), Times.now(clock)));
  }

  public Page<LedgerEntry> ledger(
      Tx tx, Principal caller, BalanceKind balanceKind, LedgerEntryKind kind, PageRequest page) {
    String accountId = caller.requirePermissions(io.resourceplans.domain.auth.Permission.ORDER_ACCESS);
    return tx.get(LedgerRepository.class).list(accountId, balanceKind, kind, page);
  }

  /** Operator top-up: repays used credit first, the rest becomes cash. */
  public Change topUpCash(Tx tx, Principal caller, String accountId, Money amount) {
    caller.requireOperator();
    requireCents(amount, "amount");
    requireAccount(tx, accountId);
    Instant now = Times.now(clock);
    Wallet w = tx.get(WalletRepository.class).lockOrCreate(accountId, currency.code(), now);
    List<LedgerEntry> entries = new ArrayList<>();
    Money repay = amount.min(w.creditUsed());
    if (repay.isPositive()) {
      w = new Wallet(accountId, w.cash(), w.gift(), w.creditLine(), w.creditUsed().minus(repay), now);
      entries.add(entry(accountId, LedgerEntryKind.CREDIT_REPAYMENT, BalanceKind.CREDIT, repay, w.unusedCredit(), null, null, "credit repaid by top-up", now));
    }
    Money toCash = amount.minus(repay);
    requireWithinLimit(w.cash().plus(toCash), "cash");
    if (toCash.isPositive()) {
      w = new Wallet(accountId, w.cash().plus(toCash), w.gift(), w.creditLine(), w.creditUsed(), now);
      entries.add(entry(accountId, LedgerEntryKind.TOP_UP, BalanceKind.CASH, toCash, w.cash(), null, null, "cash top-up", now));
    }
    return save(tx, w, entries);
  }

  public Change grantGift(Tx tx, Principal caller, String accountId, Money amount) {
    caller.requireOperator();
    requireCents(amount, "amount");
    requireAccount(tx, accountId);
    Instant now = Times.now(clock);
    Wallet w = tx.get(WalletRepository.class).lockOrCreate(accountId, currency.code(), now);
    requireWithinLimit(w.gift().plus(amount), "gift");
    w = new Wallet(accountId, w.cash(), w.gift().plus(amount), w.creditLine(), w.creditUsed(), now);
    return save(tx, w, List.of(entry(accountId, LedgerEntryKind.GIFT_GRANT, BalanceKind.GIFT, amount, w.gift(), null, null, "gift balance granted", now)));
  }

  /** Sets the credit line; it may not drop below the credit already used. */
  public Change setCreditLine(Tx tx, Principal caller, String accountId, Money line) {
    caller.requireOperator();
    requireCents(line, "credit_line");
    if (line.isNegative()) {
      throw DomainException.invalid("credit_line", "must not be negative");
    }
    requireAccount(tx, accountId);
    Instant now = Times.now(clock);
    Wallet w = tx.get(WalletRepository.class).lockOrCreate(accountId, currency.code(), now);
    if (line.compareTo(w.creditUsed()) < 0) {
      throw new DomainException(
          ErrorCode.CREDIT_LINE_BELOW_USED,
          "the credit line cannot go below the " + w.creditUsed() + " already used",
          Map.of("credit_used", w.creditUsed().amount().toPlainString()));
    }
    Money delta = line.minus(w.creditLine());
    w = new Wallet(accountId, w.cash(), w.gift(), line, w.creditUsed(), now);
    return save(tx, w, List.of(entry(accountId, LedgerEntryKind.CREDIT_LINE_CHANGE, BalanceKind.CREDIT, delta, w.unusedCredit(), null, null, "credit line set to " + line, now)));
  }

  /**
   * Pays {@code amount} from gift, then cash, then unused credit, all or nothing; refuses with
   * INSUFFICIENT_BALANCE when the wallet cannot cover it. Used by order payment and by
   * pay-as-you-go usage charges.
   */
  public PaymentSplit pay(
      Tx tx, String accountId, Money amount, LedgerEntryKind kind, String orderId, String usageId, String description) {
    currency.require(amount, "amount");
    Instant now = Times.now(clock);
    Wallet w = tx.get(WalletRepository.class).lockOrCreate(accountId, currency.code(), now);
    if (amount.compareTo(w.available()) > 0) {
      throw new DomainException(
          ErrorCode.INSUFFICIENT_BALANCE,
          "the wallet can pay " + w.available() + " but " + amount + " is due",
          Map.of("available", w.available().amount().toPlainString(), "required", amount.amount().toPlainString()));
    }
    Money fromGift = amount.min(w.gift());
    Money rest = amount.minus(fromGift);
    Money fromCash = rest.min(w.cash());
    Money fromCredit = rest.minus(fromCash);
    w = new Wallet(accountId, w.cash().minus(fromCash), w.gift().minus(fromGift), w.creditLine(), w.creditUsed().plus(fromCredit), now);
    List<LedgerEntry> entries = new ArrayList<>();
    if (fromGift.isPositive()) {
      entries.add(entry(accountId, kind, BalanceKind.GIFT, fromGift.negate(), w.gift(), orderId, usageId, description, now));
    }
    if (fromCash.isPositive()) {
      entries.add(entry(accountId, kind, BalanceKind.CASH, fromCash.negate(), w.cash(), orderId, usageId, description, now));
    }
    if (fromCredit.isPositive()) {
      entries.add(entry(accountId, kind, BalanceKind.CREDIT, fromCredit.negate(), w.unusedCredit(), orderId, usageId, description, now));
    }
    save(tx, w, entries);
    return new PaymentSplit(fromGift, fromCash, fromCredit, entries);
  }

  /**
   * Gives back {@code amount} of an earlier payment split {@code (gift, cash, credit)}, in the
   * reverse of paying's order: used credit first (as far as it is still used), then cash, then
   * gift, never more to a balance than the payment took from it but for credit already repaid,
   * whose part goes to cash. One ledger entry of {@code kind} per balance changed.
   */
  public List<LedgerEntry> giveBack(
      Tx tx, String accountId, Money amount, Money paidGift, Money paidCash, Money paidCredit, LedgerEntryKind kind,
      String description) {
    currency.require(amount, "amount");
    if (amount.compareTo(paidGift.plus(paidCash).plus(paidCredit)) > 0) {
      throw new IllegalArgumentException("giving back " + amount + " of a payment of less");
    }
    Instant now = Times.now(clock);
    Wallet w = tx.get(WalletRepository.class).lockOrCreate(accountId, currency.code(), now);
    Money creditPart = amount.min(paidCredit);
    Money toCredit = creditPart.min(w.creditUsed());
    Money rest = amount.minus(toCredit);
    // Credit repaid meanwhile (a top-up repays credit first) comes back as cash.
    Money toCash = rest.min(paidCash.plus(creditPart.minus(toCredit)));
    Money toGift = rest.minus(toCash);
    w = new Wallet(accountId, w.cash().plus(toCash), w.gift().plus(toGift), w.creditLine(), w.creditUsed().minus(toCredit), now);
    List<LedgerEntry> entries = new ArrayList<>();
    if (toCredit.isPositive()) {
      entries.add(entry(accountId, kind, BalanceKind.CREDIT, toCredit, w.unusedCredit(), null, null, description, now));
    }
    if (toCash.isPositive()) {
      entries.add(entry(accountId, kind, BalanceKind.CASH, toCash, w.cash(), null, null, description, now));
    }
    if (toGift.isPositive()) {
      entries.add(entry(accountId, kind, BalanceKind.GIFT, toGift, w.gift(), null, null, description, now));
    }
    return save(tx, w, entries).entries();
  }

  private Change save(Tx tx, Wallet wallet, List<LedgerEntry> entries) {
    tx.get(WalletRepository.class).update(wallet);
    entries.forEach(tx.get(LedgerRepository.class)::insert);
    return new Change(wallet, entries);
  }

  /** Refuses a change that would take a balance past what the service keeps; nothing is changed. */
  private static void requireWithinLimit(Money balance, String name) {
    if (balance.isAboveStoredLimit()) {
      String limit = Money.MAX_STORED_AMOUNT.toPlainString();
      throw new DomainException(
          ErrorCode.BALANCE_LIMIT_EXCEEDED,
          "the " + name + " balance would be " + balance + ", above the most a wallet balance may hold (" + limit + ")",
          Map.of("limit", limit));
    }
  }

  private void requireCents(Money amount, String field) {
    currency.require(amount, field);
    if (!amount.isWholeCents()) {
      throw DomainException.invalid(field, "must have at most 2 decimal places");
    }
  }

  private static Account requireAccount(Tx tx, String accountId) {
    return tx.get(AccountRepository.class)
        .find(accountId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId));
  }

  private static LedgerEntry entry(
      String accountId, LedgerEntryKind kind, BalanceKind balance, Money amount, Money after,
      String orderId, String usageId, String description, Instant now) {
    return new LedgerEntry(accountId, Ids.newId("led"), kind, balance, amount, after, orderId, usageId, description, now);
  }
}
