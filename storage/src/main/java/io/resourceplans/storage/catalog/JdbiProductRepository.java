package io.resourceplans.storage.catalog;

import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ProductRepository} over {@link ProductDao}. */
public final class JdbiProductRepository implements ProductRepository {
  private final ProductDao dao;

  public JdbiProductRepository(ProductDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean insert(Product product) {
    if (dao.insert(ProductRow.of(product)) == 0) {
      return false;
    }
    insertPrices(product);
    return true;
  }

  @Override
  public void update(Product product) {
    if (dao.update(ProductRow.of(product)) != 1) {
      throw new IllegalStateException("updating a product that does not exist: " + product.productId());
    }
    dao.deletePrices(product.productId());
    insertPrices(product);
  }

  @Override
  public Optional<Product> find(String productId) {
    return dao.find(productId).map(this::withPrices);
  }

  @Override
  public Optional<Product> findForUpdate(String productId) {
    return dao.findForUpdate(productId).map(this::withPrices);
  }

  @Override
  public Page<Product> list(PageRequest page) {
    String afterId = page.after().map(Cursor::id).orElse(null);
    List<ProductRow> rows = dao.list(afterId, page.size() + 1);
    Map<String, List<PayAsYouGoPriceRow>> prices =
        dao.prices(rows.stream().map(ProductRow::productId).toArray(String[]::new)).stream()
            .collect(Collectors.groupingBy(PayAsYouGoPriceRow::productId));
    return Page.fromOverfetch(
        rows.stream().map(r -> r.toDomain(prices.getOrDefault(r.productId(), List.of()))).toList(),
        page,
        p -> new Cursor(Instant.EPOCH, p.productId()));
  }

  @Override
  public boolean isEmpty() {
    return dao.isEmpty();
  }

  private void insertPrices(Product product) {
    List<PayAsYouGoPriceRow> prices = PayAsYouGoPriceRow.of(product);
    if (!prices.isEmpty()) {
      dao.insertPrices(prices);
    }
  }

  private Product withPrices(ProductRow row) {
    return row.toDomain(dao.prices(new String[] {row.productId()}));
  }
}
