package io.resourceplans.storage.hold;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.hold.Hold;
import io.resourceplans.domain.hold.HoldAllocation;
import io.resourceplans.domain.hold.HoldRepository;
import io.resourceplans.domain.hold.HoldStatus;
import io.resourceplans.domain.hold.PayAsYouGoPart;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** {@link HoldRepository} over {@link HoldDao}. */
public final class JdbiHoldRepository implements HoldRepository {
  private final HoldDao dao;

  public JdbiHoldRepository(HoldDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(Hold h) {
    PayAsYouGoPart p = h.payAsYouGo();
    dao.insert(h.accountId(), h.holdId(), h.requestId(), h.productId(), h.purpose().name(), h.regionId(), h.tag(),
        h.quantity(), h.captured(), h.released(), h.status().name(), h.createTime(), h.expireTime(), h.finishTime(),
        p == null ? 0 : p.quantity(), p == null ? null : p.amount().currency(), p == null ? null : p.unitPrice().amount(),
        p == null ? BigDecimal.ZERO : p.amount().amount(), p == null ? BigDecimal.ZERO : p.fromGift().amount(),
        p == null ? BigDecimal.ZERO : p.fromCash().amount(), p == null ? BigDecimal.ZERO : p.fromCredit().amount());
    List<HoldAllocation> a = h.allocations();
    dao.insertAllocations(h.accountId(), h.holdId(),
        IntStream.range(0, a.size()).boxed().toList(),
        a.stream().map(HoldAllocation::packageId).toList(),
        a.stream().map(x -> x.purpose().name()).toList(),
        a.stream().map(HoldAllocation::quantity).toList(),
        a.stream().map(HoldAllocation::captured).toList(),
        a.stream().map(HoldAllocation::released).toList());
  }

  @Override
  public Optional<Hold> find(String accountId, String holdId) {
    return dao.find(accountId, holdId).map(row -> withAllocations(accountId, List.of(row)).get(0));
  }

  @Override
  public Optional<Hold> lock(String accountId, String holdId) {
    return dao.lock(accountId, holdId).map(row -> withAllocations(accountId, List.of(row)).get(0));
  }

  @Override
  public void update(Hold h) {
    PayAsYouGoPart p = h.payAsYouGo();
    if (dao.update(h.accountId(), h.holdId(), h.captured(), h.released(), h.status().name(), h.finishTime(),
            p == null ? 0 : p.captured(), p == null ? 0 : p.released(),
            p == null ? BigDecimal.ZERO : p.releasedAmount().amount())
        != 1) {
      throw new IllegalStateException("hold " + h.holdId() + " is gone");
    }
    List<HoldAllocation> a = h.allocations();
    dao.updateAllocations(h.accountId(), h.holdId(),
        IntStream.range(0, a.size()).boxed().toList(),
        a.stream().map(HoldAllocation::captured).toList(),
        a.stream().map(HoldAllocation::released).toList());
  }

  @Override
  public Page<Hold> list(String accountId, HoldStatus status, PageRequest page) {
    Cursor before = page.after().orElse(null);
    List<HoldRow> rows = dao.list(accountId, status == null ? null : status.name(),
        before == null ? null : before.createTime(), before == null ? null : before.id(), page.size() + 1);
    return Page.fromOverfetch(withAllocations(accountId, rows), page, h -> new Cursor(h.createTime(), h.holdId()));
  }

  @Override
  public List<Due> due(Instant now, int limit) {
    return dao.due(now, limit).stream().map(r -> new Due(r.accountId(), r.holdId())).toList();
  }

  @Override
  public long heldOf(String accountId, String packageId) {
    return dao.heldOf(accountId, packageId);
  }

  /** The holds of the rows, in the rows' order, with their allocations read in one statement. */
  private List<Hold> withAllocations(String accountId, List<HoldRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<HoldAllocation>> byHold = new LinkedHashMap<>();
    rows.forEach(r -> byHold.put(r.holdId(), new ArrayList<>()));
    for (HoldAllocationRow a : dao.allocations(accountId, byHold.keySet().toArray(String[]::new))) {
      byHold.get(a.holdId()).add(a.toDomain());
    }
    return rows.stream()
        .map(r -> new Hold(r.accountId(), r.holdId(), r.requestId(), r.productId(), Purpose.valueOf(r.purpose()),
            r.regionId(), r.tag(), HoldStatus.valueOf(r.status()), r.createTime(), r.expireTime(), r.finishTime(),
            byHold.get(r.holdId()), payAsYouGo(r)))
        .toList();
  }

  private static PayAsYouGoPart payAsYouGo(HoldRow r) {
    if (r.paygQuantity() == 0) {
      return null;
    }
    String c = r.currency();
    return new PayAsYouGoPart(r.paygQuantity(), r.paygCaptured(), r.paygReleased(), new Money(r.paygUnitPrice(), c),
        new Money(r.paygAmount(), c), new Money(r.paygFromGift(), c), new Money(r.paygFromCash(), c),
        new Money(r.paygFromCredit(), c), new Money(r.paygReleasedAmount(), c));
  }
}
