package io.resourceplans.bench;

/**
 * A built-in pgbench script run on the same PostgreSQL server in the same run: what the database
 * alone does with as many clients, to which a scenario's rate is compared.
 */
enum Yardstick {
  /** {@code -N}: update one account row, read it, insert a history row, in one transaction (a write path). */
  SIMPLE_UPDATE("-N", "simple update"),
  /** {@code -S}: one primary-key select per transaction (a read path). */
  SELECT_ONLY("-S", "select only");

  private final String option;
  private final String description;

  Yardstick(String option, String description) {
    this.option = option;
    this.description = description;
  }

  /** The pgbench option that selects the script. */
  String option() {
    return option;
  }

  String description() {
    return description;
  }

  /** "pgbench -N", as the report names it. */
  String label() {
    return "pgbench " + option;
  }
}
