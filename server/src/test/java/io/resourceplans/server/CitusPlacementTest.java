package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a Citus cluster (the citus profile, docs/scaling.md), after every migration: no table is left
 * on the coordinator alone, and every table with an account_id is distributed by it, co-located
 * with accounts. A later migration that creates a table and forgets rp_place_table (V18) fails here.
 */
@Tag("citus-only")
class CitusPlacementTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static List<String> names(String sql) {
    return server.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  @Test
  void everyTableIsDistributedOrAReferenceTable() {
    assertEquals(List.of(), names("""
        select c.relname from pg_class c
         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
           and c.relname <> 'flyway_schema_history'
           and not exists (select 1 from pg_dist_partition p where p.logicalrelid = c.oid)
         order by 1
        """));
  }

  @Test
  void everyTableWithAnAccountIdIsDistributedByItWithTheAccounts() {
    assertEquals(List.of(), names("""
        select c.relname from pg_class c
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'account_id' and not a.attisdropped
         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
           and not exists (select 1 from pg_dist_partition p
                            where p.logicalrelid = c.oid and p.partmethod = 'h'
                              and column_to_column_name(p.logicalrelid, p.partkey) = 'account_id'
                              and p.colocationid = (select colocationid from pg_dist_partition
                                                     where logicalrelid = 'accounts'::regclass))
         order by 1
        """));
  }
}
