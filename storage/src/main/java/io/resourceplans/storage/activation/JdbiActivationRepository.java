package io.resourceplans.storage.activation;

import io.resourceplans.domain.activation.Activation;
import io.resourceplans.domain.activation.ActivationCursor;
import io.resourceplans.domain.activation.ActivationRepository;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.storage.db.Sql;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ActivationRepository} over {@link ActivationDao}, except {@link #find}: pay-as-you-go
 * usage looks the activation up on every message, in plain JDBC (see {@link Sql}).
 */
public final class JdbiActivationRepository implements ActivationRepository {
  private final Supplier<ActivationDao> daos;
  private final Sql sql;

  public JdbiActivationRepository(Supplier<ActivationDao> daos, Sql sql) {
    this.daos = daos;
    this.sql = sql;
  }

  @Override
  public boolean insert(Activation activation) {
    return daos.get().insert(ActivationRow.of(activation)) == 1;
  }

  @Override
  public Optional<Activation> find(String accountId, String productId, String regionId) {
    return sql.one("""
            select account_id, product_id, region_id, accepted_agreement_version, activate_time
              from pay_as_you_go_activations
             where account_id = ? and product_id = ? and region_id = ?
            """,
            rs -> new ActivationRow(rs.getString("account_id"), rs.getString("product_id"), rs.getString("region_id"),
                rs.getString("accepted_agreement_version"), Sql.instant(rs, "activate_time")).toDomain(),
            accountId, productId, regionId);
  }

  @Override
  public Page<Activation> list(String accountId, PageRequest page) {
    ActivationCursor after = page.after().map(ActivationCursor::from).orElse(null);
    var rows =
        daos.get().list(
            accountId,
            after == null ? null : after.productId(),
            after == null ? null : after.regionId(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(ActivationRow::toDomain).toList(), page, ActivationCursor::of);
  }
}
