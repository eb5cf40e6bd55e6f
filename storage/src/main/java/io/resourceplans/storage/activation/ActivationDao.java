package io.resourceplans.storage.activation;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code pay_as_you_go_activations}. */
@RegisterConstructorMapper(ActivationRow.class)
public interface ActivationDao {
  /** 0 rows means already active (a concurrent activation waits here and then sees 0). */
  @SqlUpdate("""
      insert into pay_as_you_go_activations (account_id, product_id, region_id,
                                             accepted_agreement_version, activate_time)
      values (:accountId, :productId, :regionId, :acceptedAgreementVersion, :activateTime)
      on conflict (account_id, product_id, region_id) do nothing
      """)
  int insert(@BindMethods ActivationRow row);

  @SqlQuery("""
      select account_id, product_id, region_id, accepted_agreement_version, activate_time
        from pay_as_you_go_activations
       where account_id = :accountId
         and (cast(:afterProduct as text) is null
              or (product_id, region_id) > (:afterProduct, :afterRegion))
       order by product_id, region_id
       limit :limit
      """)
  List<ActivationRow> list(
      @Bind("accountId") String accountId,
      @Bind("afterProduct") String afterProduct,
      @Bind("afterRegion") String afterRegion,
      @Bind("limit") int limit);
}
