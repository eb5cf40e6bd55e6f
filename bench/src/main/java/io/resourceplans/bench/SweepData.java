package io.resourceplans.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows one account's package history by SQL, straight into the server's database: what years of
 * buying look like, without years of API calls. Package {@code k} (1, 2, ...) comes with its paid
 * order (the packages' foreign key), and everything about it is derived from {@code k} alone, so a
 * package is the same whatever size the account is grown to and in how many steps.
 *
 * <p>The mix, by a hash of {@code k}: 1 % active (at least half remaining, expiring 1 to 11 months
 * from now, mail 1 to 5), 14 % expired with quantity left, 85 % exhausted; 70 % Domestic SMS (5,000, 100,000 or a
 * custom 100 to 20,000), 20 % Direct Mail (10,000), 10 % International SMS (custom 100 to 5,000);
 * purposes 40 % verification/notification, 30 % marketing, 30 % general (custom packages cannot
 * be general: those are verification/notification); 80 % in ap-southeast-1, 20 % in cn-hangzhou;
 * purchases spread over the last three years.
 */
final class SweepData {
  /** Order IDs of the grown history; the server's own are "ord-" and 20 random characters. */
  static final String ORDER_PREFIX = "ord-sweep";

  /** How the account's packages stand now; {@code usable} are the ones the benchmark's usage may draw from. */
  record Mix(long total, long active, long expired, long exhausted, long usable) {}

  private SweepData() {}

  /**
   * Inserts packages (and their orders) until the account holds {@code targetTotal}, in one
   * statement, then vacuums and analyzes both tables, as an old history would be by now; returns
   * how many were inserted (0 when it already holds that many). With {@code checkForeignKeys}
   * false and a superuser connection, the foreign-key checks are skipped for the insert (the rows
   * are consistent by construction, which SweepDataTest checks with them on): they are about
   * half of its time.
   */
  static long grow(Connection connection, String accountId, long targetTotal, boolean checkForeignKeys)
      throws SQLException {
    long total = count(connection, "select count(*) from packages where account_id = ?", accountId);
    if (total >= targetTotal) {
      return 0;
    }
    long grown = count(connection, "select count(*) from orders where account_id = ? and order_id like '" + ORDER_PREFIX + "%'", accountId);
    long first = grown + 1;
    long last = grown + (targetTotal - total);
    String termsVersion = "2026-01-01";
    String createdBy = "bench-sweep";
    // As the account's own orders say, where it has one.
    try (PreparedStatement template = connection.prepareStatement(
        "select accepted_terms_version, created_by from orders where account_id = ? order by create_time limit 1")) {
      template.setString(1, accountId);
      try (ResultSet rs = template.executeQuery()) {
        if (rs.next()) {
          termsVersion = rs.getString(1);
          createdBy = rs.getString(2);
        }
      }
    }
    boolean superuser = "on".equals(setting(connection, "is_superuser"));
    connection.setAutoCommit(false);
    try {
      try (Statement settings = connection.createStatement()) {
        // Compiling this one large statement costs seconds and gains nothing.
        settings.execute("set local jit = off");
        if (!checkForeignKeys && superuser) {
          settings.execute("set local session_replication_role = replica");
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        insert.setString(1, accountId);
        insert.setString(2, termsVersion);
        insert.setString(3, createdBy);
        insert.setLong(4, first);
        insert.setLong(5, last);
        int inserted = insert.executeUpdate();
        if (inserted != last - first + 1) {
          throw new IllegalStateException("inserted " + inserted + " packages, expected " + (last - first + 1));
        }
      }
      // What the expiry pass, which runs every minute, did to these packages long ago: the ones that
      // expired with quantity left are marked lapsed (V20), so reads no longer take them off one by
      // one (rp_active_totals subtracts only the packages expired since the pass last ran).
      try (PreparedStatement lapse = connection.prepareStatement("""
          update packages set lapsed = true
           where account_id = ? and not exhausted and not lapsed and expire_time <= now()
          """)) {
        lapse.setString(1, accountId);
        lapse.executeUpdate();
      }
      // Rows written by hand: the account's package totals made again (V21), as after any data fix.
      try (PreparedStatement rebuild = connection.prepareStatement("select rp_rebuild_package_totals(?)")) {
        rebuild.setString(1, accountId);
        rebuild.execute();
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true); // VACUUM refuses to run in a transaction
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("vacuum (analyze) packages, orders, package_totals");
    }
    return last - first + 1;
  }

  private static String setting(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("select current_setting(?)")) {
      query.setString(1, name);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Counts the account's packages by status (as the server derives it) and those usable by this usage. */
  static Mix mix(Connection connection, String accountId, String productId, String regionId, String purpose)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("""
        select count(*),
               count(*) filter (where remaining_quantity > 0 and expire_time > now()),
               count(*) filter (where remaining_quantity > 0 and expire_time <= now()),
               count(*) filter (where remaining_quantity = 0),
               count(*) filter (where remaining_quantity > 0 and expire_time > now()
                                  and product_id = ? and region_id = ? and purpose in (?, 'GENERAL'))
          from packages
         where account_id = ?
        """)) {
      query.setString(1, productId);
      query.setString(2, regionId);
      query.setString(3, purpose);
      query.setString(4, accountId);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return new Mix(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
      }
    }
  }

  /** About {@code count} of the account's package IDs, spread over its whole history. */
  static List<String> samplePackageIds(Connection connection, String accountId, int count) throws SQLException {
    long total = count(connection, "select count(*) from packages where account_id = ?", accountId);
    try (PreparedStatement query = connection.prepareStatement("""
        select package_id from packages
         where account_id = ? and mod(abs(hashtext(package_id)::bigint), ?) = 0
         limit ?
        """)) {
      query.setString(1, accountId);
      query.setLong(2, Math.max(1, total / count));
      query.setInt(3, count);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  private static long count(Connection connection, String sql, String accountId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, accountId);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Parameters: account, terms version, created by, first k, last k. Each layer derives what the
   * next needs: two 32-bit hashes of k; product, spec, purpose, region and status from the first;
   * age and size from the second; then the spec's figures; then times and IDs. The layers are
   * materialized: inlined, each use of a column would compute its whole expression again (ten
   * times slower). The orders go in by a data-modifying CTE of the same statement (the packages'
   * foreign key is checked at its end), and both in purchase order: every index of the two tables
   * then grows at a few places, instead of at random pages (which, past shared_buffers, were most
   * of the time).
   */
  private static final String INSERT = """
      with params as (
        select cast(? as text) as account_id, cast(? as text) as terms_version, cast(? as text) as created_by
      ),
      hashed as materialized (
        select k,
               ('x' || substr(md5(k::text), 1, 8))::bit(32)::bigint as h1,
               ('x' || substr(md5(k::text), 9, 8))::bit(32)::bigint as h2
          from generate_series(cast(? as bigint), cast(? as bigint)) as k
      ),
      picked as materialized (
        select k, h1, h2,
               case when h1 % 10 < 7 then 'sms-domestic' when h1 % 10 < 9 then 'mail' else 'sms-international' end as product_id,
               (h1 / 10) % 3 as spec_pick,
               case when (h1 / 30) % 10 < 4 then 'VERIFICATION_NOTIFICATION'
                    when (h1 / 30) % 10 < 7 then 'MARKETING' else 'GENERAL' end as wanted_purpose,
               case when (h1 / 300) % 5 < 4 then 'ap-southeast-1' else 'cn-hangzhou' end as region_id,
               case when (h1 / 1500) % 100 < 1 then 'ACTIVE'
                    when (h1 / 1500) % 100 < 15 then 'EXPIRED' else 'EXHAUSTED' end as status,
               h2 % 1000 as age_days,
               (h2 / 1000) % 200 as size_pick,
               (h2 / 200000) % 1440 as minute_of_day
          from hashed
      ),
      specced as materialized (
        select p.*,
               case when product_id = 'mail' then 'mail-10000'
                    when product_id = 'sms-international' then 'sms-international-custom'
                    when spec_pick = 0 then 'sms-domestic-5000'
                    when spec_pick = 1 then 'sms-domestic-100000' else 'sms-domestic-custom' end as plan_spec_id,
               case when product_id = 'mail' then 'Direct Mail'
                    when product_id = 'sms-international' then 'International SMS' else 'Domestic SMS' end as resource,
               case when product_id = 'mail' then 10000
                    when product_id = 'sms-international' then 100 * (1 + size_pick % 50)
                    when spec_pick = 0 then 5000
                    when spec_pick = 1 then 100000 else 100 * (1 + size_pick) end as total_quantity,
               case when product_id = 'mail' then '10,000 emails'
                    when product_id = 'sms-international' then null
                    when spec_pick = 0 then '5,000 messages'
                    when spec_pick = 1 then '100,000 messages' end as spec_name,
               case when product_id = 'mail' then 6 else 12 end as validity_months
          from picked p
      ),
      priced as materialized (
        select s.*,
               s.plan_spec_id in ('sms-domestic-custom', 'sms-international-custom') as custom,
               case when s.plan_spec_id in ('sms-domestic-custom', 'sms-international-custom') and wanted_purpose = 'GENERAL'
                    then 'VERIFICATION_NOTIFICATION' else wanted_purpose end as purpose,
               case plan_spec_id when 'mail-10000' then 9.00 when 'sms-domestic-5000' then 215.00
                    when 'sms-domestic-100000' then 4000.00 when 'sms-domestic-custom' then 0.044
                    else 0.30 end as unit_price
          from specced s
      ),
      timed as materialized (
        select p.*,
               case status
                 when 'ACTIVE' then now() - make_interval(days => (age_days % (validity_months * 30 - 30))::int, mins => minute_of_day::int)
                 when 'EXPIRED' then now() - make_interval(months => validity_months, days => (1 + age_days % 700)::int, mins => minute_of_day::int)
                 else now() - make_interval(days => age_days::int, mins => minute_of_day::int)
               end as purchase_time,
               case status
                 when 'ACTIVE' then total_quantity - (h2 % total_quantity) / 2
                 when 'EXPIRED' then 1 + h2 % total_quantity
                 else 0
               end as remaining_quantity,
               case when custom then total_quantity * unit_price else unit_price end as amount
          from priced p
      ),
      rows as (
        select t.*,
               ORDER_PREFIX_LITERAL || lpad(k::text, 9, '0') as order_id,
               'U1' || case purpose when 'VERIFICATION_NOTIFICATION' then 'A' when 'MARKETING' then 'B' else 'G' end
                    || to_char(purchase_time at time zone 'UTC', 'YYMMDD') || 'S' || lpad(k::text, 9, '0') as package_id,
               case purpose when 'VERIFICATION_NOTIFICATION' then 'verification/notification'
                            when 'MARKETING' then 'marketing' else 'general' end as purpose_label
          from timed t
      ),
      new_orders as (
        insert into orders (account_id, order_id, state, region_id, product_id, plan_spec_id, resource, configuration,
                            quantity, purpose, issued_quantity, validity_months, currency, unit_price, list_amount,
                            voucher_discount, total_amount, accepted_terms_version, terms_accept_time, created_by,
                            create_time, expire_time, pay_time, paid_gift, paid_cash, paid_credit)
        select params.account_id, r.order_id, 'PAID', r.region_id, r.product_id, r.plan_spec_id, r.resource,
               case when r.custom then r.total_quantity || ', ' || r.purpose_label || ', ' || r.validity_months || ' months'
                    else '1 × ' || r.spec_name || ' (' || r.total_quantity || ' in total), ' || r.purpose_label
                         || ', ' || r.validity_months || ' months' end,
               case when r.custom then r.total_quantity else 1 end, r.purpose, r.total_quantity, r.validity_months,
               'CNY', r.unit_price, r.amount, 0, r.amount, params.terms_version, r.purchase_time - interval '3 minutes',
               params.created_by, r.purchase_time - interval '3 minutes', r.purchase_time + interval '1 day' - interval '3 minutes',
               r.purchase_time, 0, r.amount, 0
          from rows r cross join params
         order by r.purchase_time
      )
      insert into packages (account_id, package_id, display_name, product_id, plan_spec_id, purpose, region_id,
                            total_quantity, remaining_quantity, order_id, purchase_time, expire_time, exhausted, lapsed)
      select params.account_id, r.package_id,
             coalesce(r.spec_name, r.resource || ' (' || r.purpose_label || ')'),
             r.product_id, r.plan_spec_id, r.purpose, r.region_id, r.total_quantity, r.remaining_quantity, r.order_id,
             r.purchase_time, r.purchase_time + make_interval(months => r.validity_months),
             -- The markers the server keeps (V19, V20): as the usage path and the expiry pass would have.
             r.remaining_quantity = 0,
             r.remaining_quantity > 0 and r.purchase_time + make_interval(months => r.validity_months) <= now()
        from rows r cross join params
       order by r.purchase_time
      """.replace("ORDER_PREFIX_LITERAL", "'" + ORDER_PREFIX + "'");
}
