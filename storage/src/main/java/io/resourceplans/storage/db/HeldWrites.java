package io.resourceplans.storage.db;

import io.resourceplans.storage.db.Sql.SqlFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The write-behind buffer of one transaction's {@link Sql}: writes whose outcome the caller does not
 * read ({@link Sql#hold}) are held and sent with a later round trip instead of one of their own. On
 * the usage path that saves a round trip per package deduction, wallet update, ledger entry and
 * idempotency completion (docs/benchmark.md, steps 6 to 8). This comment is the one description of
 * the behaviour; other places link here.
 *
 * <p><b>When held writes are sent.</b> All of them at once, in the order they were held:
 *
 * <ul>
 *   <li>with the transaction's next {@link Sql} statement: one multi-statement text, which the driver
 *       sends in one round trip, that statement last (its result is the caller's);
 *   <li>before any JDBI statement of the transaction, in a round trip of their own ({@code JdbiTx}
 *       flushes them from a statement customizer), so every read of the transaction sees them;
 *   <li>at the end of the transaction: with COMMIT in one round trip ({@link Sql#flushAndCommit};
 *       the connection's own commit then finds no transaction open and sends nothing, as
 *       PgConnection.commit() does when the server reports the session idle), or on their own at
 *       the end of a read-only transaction ({@link Sql#flush}).
 * </ul>
 *
 * <p><b>Row counts.</b> A write held with an expected row count (not -1) is sent as {@code with w
 * as (<write> returning 1) select rp_expect_rows((select count(*) from w), <expected>, <what>)}:
 * the function (V9) raises SQLSTATE P0001, naming {@code what}, when the count differs. So a
 * held write must be one INSERT, UPDATE or DELETE without a RETURNING of its own.
 *
 * <p><b>Function calls.</b> A held write may also be {@code select f(...)} of a function that
 * writes (held with no expected row count; the function checks what it must), so that a rule kept in
 * a SQL function for the one-call path is the Java path's too (rp_deduct).
 *
 * <p><b>On error.</b> PostgreSQL skips the rest of the round trip after a failing statement, COMMIT
 * included: the transaction is aborted and rolls back; the transactor runs the work again after a
 * serialization failure or deadlock ({@link SqlFailures}: the {@link SQLException}, with its
 * SQLSTATE, is always the cause). The exception is thrown where the writes were sent (the later
 * statement or the commit), but it names the held write that failed: a {@link HeldWriteFailure}
 * carries its {@code what} and the place in the code that held it. The driver does not say which
 * statement of a round trip failed, so it is read from the error: an {@code rp_expect_rows}
 * error is the check of the held write it names; an error naming a table (a constraint violation)
 * is the one statement of the round trip that writes that table (a SELECT is taken to write
 * nothing), and an error raised inside a function is the held call of that function. When that
 * leaves no single statement (a deadlock, a lost connection, two writes of one table), the
 * {@link SqlFailure} lists the held writes that were sent. The held writes are dropped
 * when sent, whether or not the round trip succeeds.
 *
 * <p><b>Where a write was held</b> is found by a stack walk once per statement text and then kept:
 * measured on the 2-core machine of docs/benchmark.md, a walk per write cost 3 to 7 µs and a
 * {@code new Throwable()} 3 to 14 µs (stacks 10 to 80 frames deep), paid several times per
 * pay-as-you-go message; a look-up of the text costs nanoseconds. The same text held from two
 * places is reported at the first.
 */
public final class HeldWrites {
  /** A held write; {@code heldAt} is null when it was not recorded. */
  private record Write(String sql, Object[] args, int expectedRows, String what, StackTraceElement heldAt) {
    String describe() {
      return what + " (held at " + (heldAt == null ? "an unrecorded place" : heldAt) + ")";
    }
  }

  /** Statement texts are constants, so this stays small; the cap guards against one built per call. */
  private static final int MAX_PLACES = 1_000;

  private static final ConcurrentHashMap<String, StackTraceElement> PLACES = new ConcurrentHashMap<>();
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final String SQL_CLASS = Sql.class.getName();
  private static final String OWN_CLASS = HeldWrites.class.getName();

  private static final Pattern WRITE =
      Pattern.compile("\\s*(?:insert\\s+into|update|delete\\s+from)\\s+(?:only\\s+)?(?:\\w+\\.)?(\\w+).*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** A held call of a function that writes: {@code select rp_deduct(?, ?, ?)}. */
  private static final Pattern CALL =
      Pattern.compile("\\s*select\\s+(\\w+)\\s*\\(.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern WRITES_NOTHING =
      Pattern.compile("\\s*(?:select|commit)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Connection c;
  private final List<Write> held = new ArrayList<>();

  HeldWrites(Connection connection) {
    this.c = connection;
  }

  void add(String sql, int expectedRows, String what, Object[] args) {
    held.add(new Write(sql, args, expectedRows, what, place(sql)));
  }

  /**
   * Runs {@code statement} after the held writes, in one round trip, and returns it with its own
   * result current (the caller reads and closes it).
   */
  PreparedStatement execute(String statement, Object[] args) {
    List<Write> sent = take();
    PreparedStatement ps = prepare(sent, statement, args);
    try {
      ps.execute();
      for (int i = 0; i < sent.size(); i++) {
        ps.getMoreResults();
      }
      return ps;
    } catch (SQLException e) {
      close(ps, e);
      throw failure(e, sent, statement);
    }
  }

  /** Sends the held writes, with COMMIT if asked; false (nothing sent) when none are held. */
  boolean send(boolean commit) {
    List<Write> sent = take();
    if (sent.isEmpty()) {
      return false;
    }
    String last = commit ? "commit" : null;
    try (PreparedStatement ps = prepare(sent, last)) {
      ps.execute();
      return true;
    } catch (SQLException e) {
      throw failure(e, sent, last);
    }
  }

  private List<Write> take() {
    if (held.isEmpty()) {
      return List.of();
    }
    List<Write> sent = List.copyOf(held);
    held.clear();
    return sent;
  }

  /** One statement text: the held writes, then {@code last} (if not null), bound in order. */
  private PreparedStatement prepare(List<Write> writes, String last, Object... lastArgs) {
    StringBuilder text = new StringBuilder();
    for (Write w : writes) {
      // Line breaks after each text: one ending in a -- comment must not swallow what follows.
      if (w.expectedRows() < 0) {
        text.append(w.sql().strip()).append("\n;\n");
      } else {
        text.append("with w as (").append(w.sql().strip()).append("\nreturning 1)\n")
            .append("select rp_expect_rows((select count(*) from w), ?, ?);\n");
      }
    }
    if (last != null) {
      text.append(last.strip());
    }
    PreparedStatement ps = null;
    try {
      ps = c.prepareStatement(text.toString());
      int at = 0;
      for (Write w : writes) {
        at = Sql.bind(c, ps, at, w.args());
        if (w.expectedRows() >= 0) {
          at = Sql.bind(c, ps, at, new Object[] {(long) w.expectedRows(), w.what()});
        }
      }
      Sql.bind(c, ps, at, lastArgs);
      return ps;
    } catch (SQLException | RuntimeException e) {
      if (ps != null) {
        close(ps, e);
      }
      throw e instanceof SQLException sql ? new SqlFailure(sql) : (RuntimeException) e;
    }
  }

  private static void close(PreparedStatement ps, Exception failure) {
    try {
      ps.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * The exception for a round trip that failed: a {@link HeldWriteFailure} when the failing
   * statement is a held write, a plain {@link SqlFailure} when it is {@code last}, or one that lists
   * the held writes when the error does not tell (see the class comment).
   */
  private static SqlFailure failure(SQLException e, List<Write> sent, String last) {
    if (sent.isEmpty()) {
      return new SqlFailure(e);
    }
    int failed = failedStatement(e, sent, last);
    if (failed == sent.size()) {
      return new SqlFailure(e);
    }
    if (failed >= 0) {
      return new HeldWriteFailure(sent.get(failed), e);
    }
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage())).append(" [sent with ").append(sent.size())
        .append(" held write(s), any of which may be the failing statement: ");
    for (int i = 0; i < sent.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(sent.get(i).describe());
    }
    return new SqlFailure(message.append(']').toString(), e);
  }

  /** Index in {@code sent} of the failing statement, {@code sent.size()} for {@code last}, or -1 if not known. */
  private static int failedStatement(SQLException e, List<Write> sent, String last) {
    ServerErrorMessage error = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    if (error == null) {
      return -1;
    }
    List<Integer> candidates = new ArrayList<>();
    if (error.getWhere() != null && error.getWhere().contains("rp_expect_rows(")) {
      for (int i = 0; i < sent.size(); i++) {
        if (sent.get(i).expectedRows() >= 0) {
          candidates.add(i);
        }
      }
      // rp_expect_rows's message starts with the label it was given.
      if (candidates.size() > 1 && error.getMessage() != null) {
        candidates.removeIf(i -> !error.getMessage().startsWith(sent.get(i).what() + ": "));
      }
    } else if (error.getWhere() != null && calledFunction(error.getWhere(), sent) >= 0) {
      candidates.add(calledFunction(error.getWhere(), sent));
    } else if (error.getTable() != null) {
      String table = error.getTable().toLowerCase(Locale.ROOT);
      for (int i = 0; i <= sent.size(); i++) {
        String sql = i < sent.size() ? sent.get(i).sql() : last;
        String written = sql == null ? "" : writtenTable(sql);
        if (written == null || written.equals(table)) {
          candidates.add(i);
        }
      }
    }
    return candidates.size() == 1 ? candidates.get(0) : -1;
  }

  /**
   * The one held write that calls the function the error's context names ({@code where}: "PL/pgSQL
   * function rp_deduct(text,text,bigint) line 6 at ..."), or -1.
   */
  private static int calledFunction(String where, List<Write> sent) {
    int found = -1;
    for (int i = 0; i < sent.size(); i++) {
      Matcher call = CALL.matcher(sent.get(i).sql());
      if (call.matches() && where.contains("function " + call.group(1).toLowerCase(Locale.ROOT) + "(")) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  /** The table a statement writes, "" for none (a SELECT, COMMIT), null when not known. */
  private static String writtenTable(String sql) {
    Matcher write = WRITE.matcher(sql);
    if (write.matches()) {
      return write.group(1).toLowerCase(Locale.ROOT);
    }
    return WRITES_NOTHING.matcher(sql).matches() ? "" : null;
  }

  /** The first frame outside this class and {@link Sql}: the repository method that held {@code sql}. */
  private static StackTraceElement place(String sql) {
    StackTraceElement place = PLACES.get(sql);
    if (place == null && PLACES.size() < MAX_PLACES) {
      place = WALKER.walk(frames -> frames
          .filter(f -> !f.getClassName().equals(OWN_CLASS) && !f.getClassName().equals(SQL_CLASS))
          .findFirst()
          .map(StackWalker.StackFrame::toStackTraceElement)
          .orElse(null));
      if (place != null) {
        PLACES.putIfAbsent(sql, place);
      }
    }
    return place;
  }

  /**
   * A held write failed. The message names it ({@code what} and where it was held) before the
   * database's message; the cause is the driver's exception, with its SQLSTATE.
   */
  public static final class HeldWriteFailure extends SqlFailure {
    private final String what;
    private final StackTraceElement heldAt;

    private HeldWriteFailure(Write write, SQLException cause) {
      super("held write failed: " + write.describe() + ": " + cause.getMessage(), cause);
      this.what = write.what();
      this.heldAt = write.heldAt();
    }

    /** The label the write was held with. */
    public String what() {
      return what;
    }

    /** The repository method that held it (null if not recorded). */
    public StackTraceElement heldAt() {
      return heldAt;
    }
  }
}
