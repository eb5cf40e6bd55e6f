package io.resourceplans.storage.catalog;

import io.resourceplans.domain.catalog.PlanSpec;
import io.resourceplans.domain.catalog.PlanSpecRepository;
import io.resourceplans.domain.catalog.PurposePrice;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link PlanSpecRepository} over {@link PlanSpecDao}. */
public final class JdbiPlanSpecRepository implements PlanSpecRepository {
  private final PlanSpecDao dao;

  public JdbiPlanSpecRepository(PlanSpecDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean insert(PlanSpec spec) {
    if (dao.insert(PlanSpecRow.of(spec)) == 0) {
      return false;
    }
    insertTiers(spec);
    insertPurposePrices(spec);
    return true;
  }

  @Override
  public void update(PlanSpec spec) {
    if (dao.update(PlanSpecRow.of(spec)) != 1) {
      throw new IllegalStateException("updating a plan spec that does not exist: " + spec.planSpecId());
    }
    dao.deleteTiers(spec.planSpecId());
    insertTiers(spec);
    dao.deletePurposePrices(spec.planSpecId());
    insertPurposePrices(spec);
  }

  @Override
  public Optional<PlanSpec> find(String planSpecId) {
    return dao.find(planSpecId).map(this::withTiers);
  }

  @Override
  public Optional<PlanSpec> findForUpdate(String planSpecId) {
    return dao.findForUpdate(planSpecId).map(this::withTiers);
  }

  @Override
  public Page<PlanSpec> list(String productId, boolean includeRetired, PageRequest page) {
    String afterId = page.after().map(Cursor::id).orElse(null);
    List<PlanSpecRow> rows = dao.list(productId, includeRetired, afterId, page.size() + 1);
    String[] ids = rows.stream().map(PlanSpecRow::planSpecId).toArray(String[]::new);
    Map<String, List<VolumeTierRow>> tiers =
        dao.tiers(ids).stream().collect(Collectors.groupingBy(VolumeTierRow::planSpecId));
    Map<String, List<PurposePrice>> purposePrices = purposePrices(ids);
    return Page.fromOverfetch(
        rows.stream()
            .map(r -> r.toDomain(
                tiers.getOrDefault(r.planSpecId(), List.of()), purposePrices.getOrDefault(r.planSpecId(), List.of())))
            .toList(),
        page,
        s -> new Cursor(Instant.EPOCH, s.planSpecId()));
  }

  private void insertTiers(PlanSpec spec) {
    List<VolumeTierRow> tiers = VolumeTierRow.of(spec);
    if (!tiers.isEmpty()) {
      dao.insertTiers(tiers);
    }
  }

  private void insertPurposePrices(PlanSpec spec) {
    List<PurposePriceRow> prices = PurposePriceRow.of(spec);
    if (prices.isEmpty()) {
      return;
    }
    dao.insertPurposePrices(prices);
    List<PurposePriceRow.PurposeTierRow> tiers = PurposePriceRow.PurposeTierRow.of(spec);
    if (!tiers.isEmpty()) {
      dao.insertPurposeTiers(tiers);
    }
  }

  /** The purpose prices of these specs, each spec's in its stored order. */
  private Map<String, List<PurposePrice>> purposePrices(String[] planSpecIds) {
    List<PurposePriceRow> prices = dao.purposePrices(planSpecIds);
    if (prices.isEmpty()) {
      return Map.of();
    }
    Map<String, List<PurposePriceRow.PurposeTierRow>> tiers =
        dao.purposeTiers(planSpecIds).stream()
            .collect(Collectors.groupingBy(t -> t.planSpecId() + "/" + t.purpose()));
    return prices.stream()
        .collect(Collectors.groupingBy(
            PurposePriceRow::planSpecId,
            LinkedHashMap::new,
            Collectors.mapping(
                p -> p.toDomain(tiers.getOrDefault(p.planSpecId() + "/" + p.purpose(), List.of())),
                Collectors.toList())));
  }

  private PlanSpec withTiers(PlanSpecRow row) {
    String[] id = {row.planSpecId()};
    return row.toDomain(dao.tiers(id), purposePrices(id).getOrDefault(row.planSpecId(), List.of()));
  }
}
