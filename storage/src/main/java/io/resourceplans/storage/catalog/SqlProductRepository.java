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
import java.util.stream.Collectors;

/**
 * {@link ProductRepository} on {@code products} and {@code product_pay_as_you_go_prices}, in plain
 * JDBC: pay-as-you-go usage reads the product and its prices on every message (see {@link Sql}).
 */
public final class SqlProductRepository implements ProductRepository {
  private static final String COLUMNS =
      "product_id, display_name, description, quantity_unit, vendor_name, create_time, update_time";
  private static final String PRICE_COLUMNS = "product_id, purpose, unit_price, currency";

  private final Sql sql;

  public SqlProductRepository(Sql sql) {
    this.sql = sql;
  }

  /** No row when the product ID is taken (or being taken by a transaction that then commits). */
  @Override
  public boolean insert(Product product) {
    ProductRow r = ProductRow.of(product);
    int inserted = sql.update("insert into products (" + COLUMNS + """
        ) values (?, ?, ?, ?, ?, ?, ?)
        on conflict (product_id) do nothing
        """, r.productId(), r.displayName(), r.description(), r.quantityUnit(), r.vendorName(), r.createTime(),
        r.updateTime());
    if (inserted == 0) {
      return false;
    }
    insertPrices(product);
    return true;
  }

  @Override
  public void update(Product product) {
    ProductRow r = ProductRow.of(product);
    int updated = sql.update("""
        update products
           set display_name = ?, description = ?, quantity_unit = ?, vendor_name = ?, update_time = ?
         where product_id = ?
        """, r.displayName(), r.description(), r.quantityUnit(), r.vendorName(), r.updateTime(), r.productId());
    if (updated != 1) {
      throw new IllegalStateException("updating a product that does not exist: " + product.productId());
    }
    sql.update("delete from product_pay_as_you_go_prices where product_id = ?", product.productId());
    insertPrices(product);
  }

  @Override
  public Optional<Product> find(String productId) {
    return sql.one("select " + COLUMNS + " from products where product_id = ?", SqlProductRepository::productRow,
        productId).map(this::withPrices);
  }

  @Override
  public Optional<Product> findForUpdate(String productId) {
    return sql.one("select " + COLUMNS + " from products where product_id = ? for update",
        SqlProductRepository::productRow, productId).map(this::withPrices);
  }

  @Override
  public Page<Product> list(PageRequest page) {
    String afterId = page.after().map(Cursor::id).orElse(null);
    List<ProductRow> rows = sql.list("select " + COLUMNS + """
          from products
         where cast(? as text) is null or product_id > ?
         order by product_id
         limit ?
        """, SqlProductRepository::productRow, afterId, afterId, page.size() + 1);
    Map<String, List<PayAsYouGoPriceRow>> prices =
        sql.list("select " + PRICE_COLUMNS + " from product_pay_as_you_go_prices where product_id = any(?)",
                SqlProductRepository::priceRow,
                new Sql.TextArray(rows.stream().map(ProductRow::productId).toArray(String[]::new)))
            .stream()
            .collect(Collectors.groupingBy(PayAsYouGoPriceRow::productId));
    return Page.fromOverfetch(
        rows.stream().map(r -> r.toDomain(prices.getOrDefault(r.productId(), List.of()))).toList(),
        page,
        p -> new Cursor(Instant.EPOCH, p.productId()));
  }

  @Override
  public boolean isEmpty() {
    return sql.one("select not exists (select 1 from products)", rs -> rs.getBoolean(1)).orElseThrow();
  }

  /** One statement per purpose: a product has a few prices, and this is not the usage path. */
  private void insertPrices(Product product) {
    for (PayAsYouGoPriceRow p : PayAsYouGoPriceRow.of(product)) {
      sql.update("insert into product_pay_as_you_go_prices (" + PRICE_COLUMNS + ") values (?, ?, ?, ?)",
          p.productId(), p.purpose(), p.unitPrice(), p.currency());
    }
  }

  private Product withPrices(ProductRow row) {
    return row.toDomain(sql.list("select " + PRICE_COLUMNS + " from product_pay_as_you_go_prices where product_id = ?",
        SqlProductRepository::priceRow, row.productId()));
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
}
