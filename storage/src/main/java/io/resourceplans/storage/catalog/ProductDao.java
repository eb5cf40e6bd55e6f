package io.resourceplans.storage.catalog;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code products} and {@code product_pay_as_you_go_prices}. */
@RegisterConstructorMapper(ProductRow.class)
@RegisterConstructorMapper(PayAsYouGoPriceRow.class)
public interface ProductDao {
  /** 0 rows when the product ID is taken (or being taken by a transaction that then commits). */
  @SqlUpdate("""
      insert into products
        (product_id, display_name, description, quantity_unit, vendor_name, create_time, update_time)
      values
        (:productId, :displayName, :description, :quantityUnit, :vendorName, :createTime, :updateTime)
      on conflict (product_id) do nothing
      """)
  int insert(@BindMethods ProductRow row);

  @SqlUpdate("""
      update products
         set display_name = :displayName, description = :description, quantity_unit = :quantityUnit,
             vendor_name = :vendorName, update_time = :updateTime
       where product_id = :productId
      """)
  int update(@BindMethods ProductRow row);

  @SqlBatch("""
      insert into product_pay_as_you_go_prices (product_id, purpose, unit_price, currency)
      values (:productId, :purpose, :unitPrice, :currency)
      """)
  void insertPrices(@BindMethods List<PayAsYouGoPriceRow> rows);

  @SqlUpdate("delete from product_pay_as_you_go_prices where product_id = :productId")
  void deletePrices(@Bind("productId") String productId);

  @SqlQuery("""
      select product_id, display_name, description, quantity_unit, vendor_name, create_time, update_time
        from products where product_id = :productId
         for update
      """)
  Optional<ProductRow> findForUpdate(@Bind("productId") String productId);

  @SqlQuery("""
      select product_id, display_name, description, quantity_unit, vendor_name, create_time, update_time
        from products
       where cast(:afterId as text) is null or product_id > :afterId
       order by product_id
       limit :limit
      """)
  List<ProductRow> list(@Bind("afterId") String afterId, @Bind("limit") int limit);

  @SqlQuery("""
      select product_id, purpose, unit_price, currency
        from product_pay_as_you_go_prices
       where product_id = any(:productIds)
      """)
  List<PayAsYouGoPriceRow> prices(@Bind("productIds") String[] productIds);

  @SqlQuery("select not exists (select 1 from products)")
  boolean isEmpty();
}
