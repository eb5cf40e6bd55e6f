package io.resourceplans.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.resourceplans.storage.db.DatabaseReachability;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The meters registered when the server starts rather than on first use: the JVM's (heap and
 * other memory pools, GC pauses, threads, classes, CPU, uptime, open files), whether the database
 * answers (the probe the health service reports), and the outbox backlog. The pool's come from
 * HikariCP itself (Main gives the pool the registry).
 */
@Singleton
public final class ServerMetrics implements AutoCloseable {
  static final String DATABASE_UP = "rp.database.up";

  private final MeterRegistry registry;
  private final DatabaseReachability database;
  private final NotificationMetrics notifications;
  private JvmGcMetrics gc;

  @Inject
  public ServerMetrics(MeterRegistry registry, DatabaseReachability database, NotificationMetrics notifications) {
    this.registry = registry;
    this.database = database;
    this.notifications = notifications;
  }

  public synchronized void start() {
    if (gc != null) {
      return;
    }
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder(DATABASE_UP, database, d -> d.isUp() ? 1 : 0)
        .description("1 while the database answers the server's probe (every 250 ms), else 0; health reports NOT_SERVING meanwhile")
        .register(registry);
    notifications.bindBacklog();
  }

  /** Stops listening for GC notifications. */
  @Override
  public synchronized void close() {
    if (gc != null) {
      gc.close();
    }
  }
}
