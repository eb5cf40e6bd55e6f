package io.resourceplans.storage.quota;

import io.resourceplans.domain.common.IdShapes;
import io.resourceplans.storage.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** rp_new_id names the ledger entries the one-call path writes: the same IDs as domain/common/Ids. */
class NewIdFunctionTest {
  @Test
  void theDatabasesIdsLookLikeTheServersIds() {
    try (TestDatabase db = TestDatabase.create()) {
      var ids = Jdbi.create(db.dataSource()).withHandle(h -> h.createQuery(
              "select rp_new_id('led') from generate_series(1, 20000)")
          .mapTo(String.class).list());
      IdShapes.assertWellFormedAndUniform("led", ids);
    }
  }
}
