package io.resourceplans.storage.activation;

import io.resourceplans.domain.activation.Activation;
import io.resourceplans.domain.activation.ActivationCursor;
import io.resourceplans.domain.activation.ActivationRepository;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.util.Optional;

/** {@link ActivationRepository} over {@link ActivationDao}. */
public final class JdbiActivationRepository implements ActivationRepository {
  private final ActivationDao dao;

  public JdbiActivationRepository(ActivationDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean insert(Activation activation) {
    return dao.insert(ActivationRow.of(activation)) == 1;
  }

  @Override
  public Optional<Activation> find(String accountId, String productId, String regionId) {
    return dao.find(accountId, productId, regionId).map(ActivationRow::toDomain);
  }

  @Override
  public Page<Activation> list(String accountId, PageRequest page) {
    ActivationCursor after = page.after().map(ActivationCursor::from).orElse(null);
    var rows =
        dao.list(
            accountId,
            after == null ? null : after.productId(),
            after == null ? null : after.regionId(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(ActivationRow::toDomain).toList(), page, ActivationCursor::of);
  }
}
