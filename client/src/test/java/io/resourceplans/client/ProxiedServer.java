package io.resourceplans.client;

import io.resourceplans.client.Customers.Customer;
import io.resourceplans.server.testing.NettyServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a fresh database with a {@link FaultProxy} in front, for one test class:
 * {@code @RegisterExtension static final ProxiedServer server = new ProxiedServer();}. Clients
 * connect to {@link #target()}; the proxy forgets its faults and attempts before each test, and
 * the customers' clients are closed after the class.
 */
final class ProxiedServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final NettyServerExtension server = new NettyServerExtension(NettyServerExtension.defaultLimits());
  private final FaultProxy proxy = new FaultProxy(server::port);
  private final List<Customer> customers = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server.beforeAll(context);
    proxy.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    proxy.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      customers.forEach(Customer::close);
      proxy.close();
    } finally {
      server.afterAll(context);
    }
  }

  /** The address clients connect to: the proxy's. */
  String target() {
    return proxy.target();
  }

  FaultProxy proxy() {
    return proxy;
  }

  /** The server without the proxy, e.g. for its database. */
  NettyServerExtension server() {
    return server;
  }

  /** A verified, funded customer with {@code packages} packages and default retries. */
  Customer customer(String name, int packages) {
    Customer customer = Customers.open(target(), name, packages, RetrySettings.defaults());
    customers.add(customer);
    return customer;
  }
}
