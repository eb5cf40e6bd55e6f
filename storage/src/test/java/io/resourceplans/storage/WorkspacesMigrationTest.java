package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.domain.marketplace.MarketplaceInstance;
import io.resourceplans.domain.marketplace.MarketplaceInstanceRepository;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.db.Migrations;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V14: an instance bound before it opens the workspace it was bound to; afterwards more workspaces
 * bind to it, and it can only open one of its own.
 */
class WorkspacesMigrationTest {
  private static final Instant AT = Instant.parse("2026-11-20T10:00:00.123456Z");

  @Test
  void anInstanceBoundBeforeV14OpensItsWorkspaceAndMoreMayBindAfter() {
    try (TestDatabase db = TestDatabase.create("12")) {
      Jdbi jdbi = Jdbis.create(db.dataSource());
      jdbi.useHandle(h -> {
        h.execute("""
            insert into accounts (account_id, display_name, contact_email, contact_phone, default_region_id,
                                  identity_state, create_time)
            values ('acc-0000000000000001', 'A', 'a@example.com', '+6581234567', 'ap-southeast-1', 'UNVERIFIED', ?)
            """, AT);
        h.execute("""
            insert into products (product_id, display_name, description, quantity_unit, vendor_name, create_time,
                                  update_time)
            values ('acme', 'Acme', '', 'month', 'Acme Ltd', ?, ?)
            """, AT, AT);
        h.execute("""
            insert into marketplace_instances (account_id, instance_id, product_id, display_name,
                                               accepted_agreement_version, activate_request_id, create_time)
            values ('acc-0000000000000001', 'ins-00000001', 'acme', 'Acme', 'v1', 'r1', ?)
            """, AT);
        h.execute("""
            insert into vendor_users (vendor_user_id, username, email, phone, password_hash, create_time)
            values ('vus-1', 'owner', 'owner@example.com', '', 'x', ?)
            """, AT);
        h.execute("""
            insert into billing_accounts (billing_account_id, username, email, company_name, industry, contact_name,
                                          owner_vendor_user_id, cloud_account_id, create_time, link_time)
            values ('bill-1', 'owner', 'owner@example.com', 'Owner Ltd', '', '', 'vus-1', 'acc-0000000000000001', ?, ?)
            """, AT, AT);
        h.execute("""
            insert into workspaces (workspace_id, billing_account_id, name, language, site_id, owner_vendor_user_id,
                                    instance_id, create_time, bind_time)
            values ('wks-1', 'bill-1', 'main', 'ENGLISH', 'ap-singapore', 'vus-1', 'ins-00000001', ?, ?)
            """, AT, AT);
      });

      Migrations.migrate(db.dataSource());

      Transactor transactor = new JdbiTransactor(jdbi);
      MarketplaceInstance before =
          transactor.readOnly(tx -> tx.get(MarketplaceInstanceRepository.class).find("acc-0000000000000001", "ins-00000001")).orElseThrow();
      assertEquals("wks-1", before.workspaceId());
      assertEquals(AT, before.bindTime());

      Instant later = AT.plusSeconds(60);
      jdbi.useHandle(h -> h.execute("""
          insert into workspaces (workspace_id, billing_account_id, name, language, site_id, owner_vendor_user_id,
                                  instance_id, create_time, bind_time)
          values ('wks-2', 'bill-1', 'second', 'CHINESE', 'cn-hangzhou', 'vus-1', 'ins-00000001', ?, ?),
                 ('wks-3', 'bill-1', 'loose', 'CHINESE', 'cn-hangzhou', 'vus-1', null, ?, null)
          """, later, later, later));
      transactor.inTransaction(tx -> {
        tx.get(MarketplaceInstanceRepository.class).open("acc-0000000000000001", "ins-00000001", "wks-2", later);
        return null;
      });
      MarketplaceInstance after =
          transactor.readOnly(tx -> tx.get(MarketplaceInstanceRepository.class).find("acc-0000000000000001", "ins-00000001")).orElseThrow();
      assertEquals("wks-2", after.workspaceId());
      assertEquals(later, after.bindTime());
      // Only a workspace bound to the instance can be the one it opens.
      assertThrows(
          RuntimeException.class,
          () -> jdbi.useHandle(h -> h.execute(
              "update marketplace_instances set open_workspace_id = 'wks-3' where instance_id = 'ins-00000001'")));
    }
  }
}
