package io.resourceplans.storage.catalog;

import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link ProductRepository} over {@link ProductDao}, except {@link #find}: pay-as-you-go usage reads
 * the product and its prices on every message, in plain JDBC (see {@link Sql}).
 */
public final class JdbiProductRepository implements ProductRepository {
  private final Supplier<ProductDao> daos;
  private final Sql sql;

  public JdbiProductRepository(Supplier<ProductDao> daos, Sql sql) {
    this.daos = daos;
    this.sql = sql;
  }

  @Override
  public boolean insert(Product product) {
    if (dao().insert(ProductRow.of(product)) == 0) {
      return false;
    }
    insertPrices(product);
    return true;
  }

  @Override
  public void update(Product product) {
    if (dao().update(ProductRow.of(product)) != 1) {
      throw new IllegalStateException("updating a product that does not exist: " + product.productId());
    }
    dao().deletePrices(product.productId());
    insertPrices(product);
  }

  @Override
  public Optional<Product> find(String productId) {
    return sql.one("""
            select product_id, display_name, description, quantity_unit, vendor_name, create_time, update_time
              from products where product_id = ?
            """, JdbiProductRepository::productRow, productId)
        .map(row -> row.toDomain(sql.list("""
            select product_id, purpose, unit_price, currency
              from product_pay_as_you_go_prices where product_id = ?
            """, JdbiProductRepository::priceRow, productId)));
  }

  @Override
  public Optional<Product> findForUpdate(String productId) {
    return dao().findForUpdate(productId).map(this::withPrices);
  }

  @Override
  public Page<Product> list(PageRequest page) {
    String afterId = page.after().map(Cursor::id).orElse(null);
    List<ProductRow> rows = dao().list(afterId, page.size() + 1);
    Map<String, List<PayAsYouGoPriceRow>> prices =
        dao().prices(rows.stream().map(ProductRow::productId).toArray(String[]::new)).stream()
            .collect(Collectors.groupingBy(PayAsYouGoPriceRow::productId));
    return Page.fromOverfetch(
        rows.stream().map(r -> r.toDomain(prices.getOrDefault(r.productId(), List.of()))).toList(),
        page,
        p -> new Cursor(Instant.EPOCH, p.productId()));
  }

  @Override
  public boolean isEmpty() {
    return dao().isEmpty();
  }

  private ProductDao dao() {
    return daos.get();
  }

  private void insertPrices(Product product) {
    List<PayAsYouGoPriceRow> prices = PayAsYouGoPriceRow.of(product);
    if (!prices.isEmpty()) {
      dao().insertPrices(prices);
    }
  }

  private static ProductRow productRow(ResultSet rs) throws SQLException {
    return new ProductRow(rs.getString("product_id"), rs.getString("display_name"), rs.getString("description"),
        rs.getString("quantity_unit"), rs.getString("vendor_name"), Sql.instant(rs, "create_time"),
        Sql.instant(rs, "update_time"));
  }

  private static PayAsYouGoPriceRow priceRow(ResultSet rs) throws SQLException {
    return new PayAsYouGoPriceRow(rs.getString("product_id"), rs.getString("purpose"), rs.getBigDecimal("unit_price"),
        rs.getString("currency"));
  }

  private Product withPrices(ProductRow row) {
    return row.toDomain(dao().prices(new String[] {row.productId()}));
  }
}
