package io.resourceplans.server.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.resourceplans.storage.db.SqlFailures;

/**
 * Logback's {@code %oneLineEx}: a logged exception as part of its line, never a stack trace:
 * {@code [a.B <- c.D(sqlstate=08006) at io.resourceplans…]}. Exception classes, SQL states and our
 * first frame only; messages can hold SQL, values or secrets. Applies to every logger, the pool's
 * and grpc-java's included, so an outage is a few lines, not a thousand.
 */
public final class OneLineThrowableConverter extends ThrowableHandlingConverter {
  @Override
  public String convert(ILoggingEvent event) {
    IThrowableProxy proxy = event.getThrowableProxy();
    if (proxy == null) {
      return "";
    }
    if (proxy instanceof ThrowableProxy real) {
      return " [" + SqlFailures.describe(real.getThrowable()) + "]";
    }
    StringBuilder out = new StringBuilder(" [");
    for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
      out.append(p == proxy ? "" : " <- ").append(p.getClassName());
    }
    return out.append(']').toString();
  }
}
