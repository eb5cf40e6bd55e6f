package io.resourceplans.server.health;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.sql.Connection;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports SERVING through the standard health service only while the database answers; checked
 * once at start (after migrations) and then every few seconds.
 */
public final class DatabaseHealth implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);
  private static final long PERIOD_SECONDS = 5;

  private final DataSource dataSource;
  private final HealthStatusManager health;
  private final Collection<String> serviceNames;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "database-health");
            t.setDaemon(true);
            return t;
          });
  private volatile ServingStatus last;

  public DatabaseHealth(DataSource dataSource, HealthStatusManager health, Collection<String> serviceNames) {
    this.dataSource = dataSource;
    this.health = health;
    this.serviceNames = serviceNames;
    set(ServingStatus.NOT_SERVING);
  }

  public void start() {
    check();
    scheduler.scheduleWithFixedDelay(this::check, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  void check() {
    boolean up;
    try (Connection c = dataSource.getConnection()) {
      up = c.isValid(2);
    } catch (Exception e) {
      up = false;
    }
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
    scheduler.shutdownNow();
  }
}
