package io.resourceplans.storage.catalog;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for {@code plan_specs} and {@code plan_spec_tiers}, and the purpose prices ({@code
 * plan_spec_purpose_prices} with their {@code plan_spec_purpose_tiers}).
 */
@RegisterConstructorMapper(PlanSpecRow.class)
@RegisterConstructorMapper(VolumeTierRow.class)
@RegisterConstructorMapper(PurposePriceRow.class)
@RegisterConstructorMapper(PurposePriceRow.PurposeTierRow.class)
public interface PlanSpecDao {
  String COLUMNS = """
      plan_spec_id, product_id, display_name, kind, allowed_purposes, validity_months,
      fixed_quantity, fixed_price, fixed_currency, quantity_step, minimum_quantity, maximum_quantity,
      state, create_time, update_time, retire_time
      """;

  /** 0 rows when the plan spec ID is taken (or being taken by a transaction that then commits). */
  @SqlUpdate("insert into plan_specs (" + COLUMNS + ")" + """
      values (:planSpecId, :productId, :displayName, :kind, :allowedPurposes, :validityMonths,
              :fixedQuantity, :fixedPrice, :fixedCurrency, :quantityStep, :minimumQuantity,
              :maximumQuantity, :state, :createTime, :updateTime, :retireTime)
      on conflict (plan_spec_id) do nothing
      """)
  int insert(@BindMethods PlanSpecRow row);

  @SqlUpdate("""
      update plan_specs
         set display_name = :displayName, allowed_purposes = :allowedPurposes,
             validity_months = :validityMonths, fixed_quantity = :fixedQuantity,
             fixed_price = :fixedPrice, fixed_currency = :fixedCurrency,
             quantity_step = :quantityStep, minimum_quantity = :minimumQuantity,
             maximum_quantity = :maximumQuantity, state = :state, update_time = :updateTime,
             retire_time = :retireTime
       where plan_spec_id = :planSpecId
      """)
  int update(@BindMethods PlanSpecRow row);

  @SqlBatch("""
      insert into plan_spec_tiers (plan_spec_id, position, min_quantity, max_quantity, unit_price, currency)
      values (:planSpecId, :position, :minQuantity, :maxQuantity, :unitPrice, :currency)
      """)
  void insertTiers(@BindMethods List<VolumeTierRow> rows);

  @SqlUpdate("delete from plan_spec_tiers where plan_spec_id = :planSpecId")
  void deleteTiers(@Bind("planSpecId") String planSpecId);

  @SqlQuery("select " + COLUMNS + " from plan_specs where plan_spec_id = :planSpecId")
  Optional<PlanSpecRow> find(@Bind("planSpecId") String planSpecId);

  @SqlQuery("select " + COLUMNS + " from plan_specs where plan_spec_id = :planSpecId for update")
  Optional<PlanSpecRow> findForUpdate(@Bind("planSpecId") String planSpecId);

  @SqlQuery("select " + COLUMNS + """
        from plan_specs
       where product_id = :productId
         and (:includeRetired or state = 'ACTIVE')
         and (cast(:afterId as text) is null or plan_spec_id > :afterId)
       order by plan_spec_id
       limit :limit
      """)
  List<PlanSpecRow> list(
      @Bind("productId") String productId,
      @Bind("includeRetired") boolean includeRetired,
      @Bind("afterId") String afterId,
      @Bind("limit") int limit);

  @SqlQuery("""
      select plan_spec_id, position, min_quantity, max_quantity, unit_price, currency
        from plan_spec_tiers
       where plan_spec_id = any(:planSpecIds)
       order by plan_spec_id, position
      """)
  List<VolumeTierRow> tiers(@Bind("planSpecIds") String[] planSpecIds);

  @SqlBatch("""
      insert into plan_spec_purpose_prices (plan_spec_id, purpose, position, fixed_price, fixed_currency)
      values (:planSpecId, :purpose, :position, :fixedPrice, :fixedCurrency)
      """)
  void insertPurposePrices(@BindMethods List<PurposePriceRow> rows);

  @SqlBatch("""
      insert into plan_spec_purpose_tiers
             (plan_spec_id, purpose, position, min_quantity, max_quantity, unit_price, currency)
      values (:planSpecId, :purpose, :position, :minQuantity, :maxQuantity, :unitPrice, :currency)
      """)
  void insertPurposeTiers(@BindMethods List<PurposePriceRow.PurposeTierRow> rows);

  /** Their tiers go with them (on delete cascade). */
  @SqlUpdate("delete from plan_spec_purpose_prices where plan_spec_id = :planSpecId")
  void deletePurposePrices(@Bind("planSpecId") String planSpecId);

  @SqlQuery("""
      select plan_spec_id, purpose, position, fixed_price, fixed_currency
        from plan_spec_purpose_prices
       where plan_spec_id = any(:planSpecIds)
       order by plan_spec_id, position
      """)
  List<PurposePriceRow> purposePrices(@Bind("planSpecIds") String[] planSpecIds);

  @SqlQuery("""
      select plan_spec_id, purpose, position, min_quantity, max_quantity, unit_price, currency
        from plan_spec_purpose_tiers
       where plan_spec_id = any(:planSpecIds)
       order by plan_spec_id, purpose, position
      """)
  List<PurposePriceRow.PurposeTierRow> purposeTiers(@Bind("planSpecIds") String[] planSpecIds);
}
