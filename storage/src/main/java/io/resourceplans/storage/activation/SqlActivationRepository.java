package io.resourceplans.storage.activation;

import io.resourceplans.domain.activation.Activation;
import io.resourceplans.domain.activation.ActivationCursor;
import io.resourceplans.domain.activation.ActivationRepository;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@link ActivationRepository} on {@code pay_as_you_go_activations}, in plain JDBC: pay-as-you-go
 * usage looks the activation up on every message (see {@link Sql}).
 */
public final class SqlActivationRepository implements ActivationRepository {
  private static final String COLUMNS =
      "account_id, product_id, region_id, accepted_agreement_version, activate_time";

  private final Sql sql;

  public SqlActivationRepository(Sql sql) {
    this.sql = sql;
  }

  /** False means already active (a concurrent activation waits here and then inserts nothing). */
  @Override
  public boolean insert(Activation activation) {
    ActivationRow row = ActivationRow.of(activation);
    return sql.update("insert into pay_as_you_go_activations (" + COLUMNS + """
        ) values (?, ?, ?, ?, ?)
        on conflict (account_id, product_id, region_id) do nothing
        """, row.accountId(), row.productId(), row.regionId(), row.acceptedAgreementVersion(),
        row.activateTime()) == 1;
  }

  @Override
  public Optional<Activation> find(String accountId, String productId, String regionId) {
    return sql.one("select " + COLUMNS + """
          from pay_as_you_go_activations
         where account_id = ? and product_id = ? and region_id = ?
        """, SqlActivationRepository::row, accountId, productId, regionId);
  }

  @Override
  public Page<Activation> list(String accountId, PageRequest page) {
    ActivationCursor after = page.after().map(ActivationCursor::from).orElse(null);
    String afterProduct = after == null ? null : after.productId();
    String afterRegion = after == null ? null : after.regionId();
    var rows = sql.list("select " + COLUMNS + """
          from pay_as_you_go_activations
         where account_id = ?
           and (cast(? as text) is null or (product_id, region_id) > (?, ?))
         order by product_id, region_id
         limit ?
        """, SqlActivationRepository::row, accountId, afterProduct, afterProduct, afterRegion, page.size() + 1);
    return Page.fromOverfetch(rows, page, ActivationCursor::of);
  }

  private static Activation row(ResultSet rs) throws SQLException {
    return new ActivationRow(rs.getString("account_id"), rs.getString("product_id"), rs.getString("region_id"),
        rs.getString("accepted_agreement_version"), Sql.instant(rs, "activate_time")).toDomain();
  }
}
