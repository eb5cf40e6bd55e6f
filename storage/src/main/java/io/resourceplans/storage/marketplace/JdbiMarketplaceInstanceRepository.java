package io.resourceplans.storage.marketplace;

import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.marketplace.MarketplaceInstance;
import io.resourceplans.domain.marketplace.MarketplaceInstanceRepository;
import java.util.Optional;

/** {@link MarketplaceInstanceRepository} over {@link MarketplaceInstanceDao}. */
public final class JdbiMarketplaceInstanceRepository implements MarketplaceInstanceRepository {
  private final MarketplaceInstanceDao dao;

  public JdbiMarketplaceInstanceRepository(MarketplaceInstanceDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean insert(MarketplaceInstance instance) {
    return dao.insert(MarketplaceInstanceRow.of(instance)) == 1;
  }

  @Override
  public Optional<MarketplaceInstance> find(String accountId, String instanceId) {
    return dao.find(accountId, instanceId).map(MarketplaceInstanceRow::toDomain);
  }

  @Override
  public Optional<MarketplaceInstance> findForUpdate(String accountId, String instanceId) {
    return dao.findForUpdate(accountId, instanceId).map(MarketplaceInstanceRow::toDomain);
  }

  @Override
  public Optional<MarketplaceInstance> findByProduct(String accountId, String productId) {
    return dao.findByProduct(accountId, productId).map(MarketplaceInstanceRow::toDomain);
  }

  @Override
  public Optional<MarketplaceInstance> findByActivateRequest(String accountId, String requestId) {
    return dao.findByActivateRequest(accountId, requestId).map(MarketplaceInstanceRow::toDomain);
  }

  @Override
  public void open(String accountId, String instanceId, String workspaceId, java.time.Instant openTime) {
    dao.open(accountId, instanceId, workspaceId, openTime);
  }

  @Override
  public Page<MarketplaceInstance> list(String accountId, PageRequest page) {
    Cursor before = page.after().orElse(null);
    var rows =
        dao.list(
            accountId,
            before == null ? null : before.createTime(),
            before == null ? null : before.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(MarketplaceInstanceRow::toDomain).toList(),
        page,
        i -> new Cursor(i.createTime(), i.instanceId()));
  }
}
