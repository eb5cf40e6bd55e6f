package io.resourceplans.server.health;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.resourceplans.storage.db.DatabaseReachability;
import java.util.Collection;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports SERVING through the standard health service only while the database answers its probe
 * (every {@link DatabaseReachability#PERIOD}, on a connection of its own), so an outage shows
 * within about a second and its end as soon as the database answers. NOT_SERVING until started.
 */
public final class DatabaseHealth implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

  private final DatabaseReachability database;
  private final HealthStatusManager health;
  private final Collection<String> serviceNames;
  private final Consumer<Boolean> onChange = up -> refresh();
  private ServingStatus last;

  public DatabaseHealth(DatabaseReachability database, HealthStatusManager health, Collection<String> serviceNames) {
    this.database = database;
    this.health = health;
    this.serviceNames = serviceNames;
    set(ServingStatus.NOT_SERVING);
  }

  public void start() {
    database.onChange(onChange);
    refresh();
  }

  /** Reads the state again rather than trusting the one a listener was called with: the latest wins. */
  private synchronized void refresh() {
    boolean up = database.isUp();
    ServingStatus status = up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    if (status != last) {
      log.info("health: {} (database {})", status, up ? "answers" : "does not answer");
      set(status);
    }
  }

  private void set(ServingStatus status) {
    last = status;
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
    for (String name : serviceNames) {
      health.setStatus(name, status);
    }
  }

  @Override
  public void close() {
    database.removeListener(onChange);
  }
}
