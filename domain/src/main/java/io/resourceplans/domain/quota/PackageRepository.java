package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Packages, scoped by account. */
public interface PackageRepository {
  /** Filters of a package listing; null fields match everything. */
  record Filter(String productId, Purpose purpose, PackageStatus status, String regionId) {}

  /** Remaining quantity and count of active packages of one product and purpose. */
  record ActiveTotal(String productId, Purpose purpose, long remaining, long packages) {}

  void insert(PlanPackage pkg);

  Optional<PlanPackage> find(String accountId, String packageId);

  List<PlanPackage> byOrder(String accountId, String orderId);

  /** Newest purchase first. */
  Page<PlanPackage> list(String accountId, Filter filter, Instant now, PageRequest page);

  /**
   * The active packages that usage of {@code purpose} draws {@code quantity} from, in burn-down
   * order (packages of the exact purpose, then general ones; within each, earliest expiry, then
   * oldest purchase, then package ID), up to the first that completes the quantity: all of them
   * when they fall short. With {@code lock}, the rows are locked until the transaction ends (in that
   * same order, so concurrent deductions queue rather than deadlock) and read as they are once
   * locked.
   */
  List<PlanPackage> usable(
      String accountId, String productId, String regionId, Purpose purpose, Instant now, long quantity, boolean lock);

  /** Takes {@code quantity} from a package; the database refuses to go below zero. */
  void deduct(String accountId, String packageId, long quantity);

  /**
   * Gives {@code quantity} back to a package (a hold's release): it counts in the account's totals
   * again unless the expiry pass has marked it lapsed, in which case the units lapse with it.
   */
  void restore(String accountId, String packageId, long quantity);

  /** Sums over active packages, grouped by product and purpose; null filters match everything. */
  List<ActiveTotal> activeTotals(String accountId, String productId, String regionId, Instant now);

  /**
   * Takes a shared lock on the account's active packages of the product and purpose (all regions)
   * until the transaction ends: a usage deducting from one of them finishes first (its deduction
   * is then visible), and a usage starting later waits for this transaction.
   */
  void shareLockActive(String accountId, String productId, Purpose purpose, Instant now);

  /**
   * Marks the packages that have quota left and are past expiry at {@code now} as lapsed, so
   * listings find expired packages without reading active ones, and takes what they have left off
   * the account's remaining totals: of the accounts on test clock {@code testClockId} ({@code now}
   * is then the clock's time), or of real-time accounts when it is null. Returns the packages it
   * marked, as they were.
   */
  List<PlanPackage> markLapsed(Instant now, String testClockId);
}
