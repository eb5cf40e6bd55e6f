package io.resourceplans.domain.hold;

import io.resourceplans.domain.catalog.Purpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Quota reserved from packages (ReserveUsage): the units left the packages at reservation and are
 * the hold's until captured (usage records) or given back (release, expiry). Allocations are in
 * burn-down order at reservation; captures take from the first ones first.
 */
public record Hold(
    String accountId,
    String holdId,
    String requestId,
    String productId,
    Purpose purpose,
    String regionId,
    String tag,
    HoldStatus status,
    Instant createTime,
    Instant expireTime,
    Instant finishTime,
    List<HoldAllocation> allocations,
    PayAsYouGoPart payAsYouGo) {

  public Hold {
    allocations = List.copyOf(allocations);
    if (allocations.isEmpty() && payAsYouGo == null) {
      throw new IllegalArgumentException("a hold holds from at least one package or pay-as-you-go");
    }
    if ((status == HoldStatus.ACTIVE) != (finishTime == null)) {
      throw new IllegalArgumentException("hold " + holdId + " is " + status + " with finish time " + finishTime);
    }
  }

  public long quantity() {
    return allocations.stream().mapToLong(HoldAllocation::quantity).sum() + (payAsYouGo == null ? 0 : payAsYouGo.quantity());
  }

  public long captured() {
    return allocations.stream().mapToLong(HoldAllocation::captured).sum() + (payAsYouGo == null ? 0 : payAsYouGo.captured());
  }

  public long released() {
    return allocations.stream().mapToLong(HoldAllocation::released).sum() + (payAsYouGo == null ? 0 : payAsYouGo.released());
  }

  /** Units still held; 0 unless ACTIVE. */
  public long held() {
    return heldFromPackages() + (payAsYouGo == null ? 0 : payAsYouGo.held());
  }

  /** Units still held of packages. */
  public long heldFromPackages() {
    return allocations.stream().mapToLong(HoldAllocation::held).sum();
  }

  /** Whether a capture at {@code now} (the account's time) is too late. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expireTime);
  }

  /**
   * This hold with {@code units} more captured, from the first allocations first, then from its
   * pay-as-you-go units, and CAPTURED when nothing is left; {@code taken} receives one (allocation,
   * units) pair per package drawn.
   */
  Hold capture(long units, Instant now, List<HoldAllocation> taken) {
    if (status != HoldStatus.ACTIVE || units <= 0 || units > held()) {
      throw new IllegalStateException("capture of " + units + " from hold " + holdId + " holding " + held());
    }
    List<HoldAllocation> after = new ArrayList<>(allocations.size());
    long need = units;
    for (HoldAllocation a : allocations) {
      long take = Math.min(need, a.held());
      if (take > 0) {
        taken.add(new HoldAllocation(a.packageId(), a.purpose(), take, take, 0));
        after.add(a.capture(take));
        need -= take;
      } else {
        after.add(a);
      }
    }
    PayAsYouGoPart payg = payAsYouGo;
    if (need > 0) {
      payg = payAsYouGo.capture(need);
    }
    boolean done = after.stream().allMatch(a -> a.held() == 0) && (payg == null || payg.held() == 0);
    return with(done ? HoldStatus.CAPTURED : HoldStatus.ACTIVE, done ? now : null, after, payg);
  }

  /** This hold with everything still held given back, as {@code status} (RELEASED or EXPIRED). */
  Hold releaseRest(HoldStatus status, Instant now) {
    if (this.status != HoldStatus.ACTIVE || status == HoldStatus.ACTIVE || status == HoldStatus.CAPTURED) {
      throw new IllegalStateException("release of hold " + holdId + " (" + this.status + ") as " + status);
    }
    return with(status, now, allocations.stream().map(HoldAllocation::releaseRest).toList(),
        payAsYouGo == null ? null : payAsYouGo.releaseRest());
  }

  private Hold with(HoldStatus status, Instant finishTime, List<HoldAllocation> allocations, PayAsYouGoPart payg) {
    return new Hold(accountId, holdId, requestId, productId, purpose, regionId, tag, status, createTime, expireTime,
        finishTime, allocations, payg);
  }
}
