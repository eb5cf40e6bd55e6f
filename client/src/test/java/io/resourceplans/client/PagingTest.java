package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.ListPackagesRequest;
import io.resourceplans.api.v1.ListPackagesResponse;
import io.resourceplans.api.v1.Package;
import io.resourceplans.client.Customers.Customer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** listAll… methods walk every page lazily; the async List call pages the same way. */
class PagingTest {
  private static final String LIST_PACKAGES = "resourceplans.v1.PlanService/ListPackages";
  private static final ListPackagesRequest PAGES_OF_10 = ListPackagesRequest.newBuilder().setPageSize(10).build();

  @RegisterExtension static final ProxiedServer server = new ProxiedServer();

  private static Customer customer;

  @BeforeAll
  static void openAccount() {
    customer = server.customer("Many Packages", 25);
  }

  @Test
  void iterationWalksAll25PackagesOverThreePagesOf10() {
    List<String> ids = new ArrayList<>();
    for (Package p : customer.client().plan().listAllPackages(PAGES_OF_10)) {
      ids.add(p.getPackageId());
    }

    assertEquals(25, ids.size());
    assertEquals(25, new HashSet<>(ids).size(), "no package twice");
    assertEquals(3, server.proxy().attempts(LIST_PACKAGES).size(), "one call per page");
  }

  @Test
  void pagesAreFetchedOnlyWhenTheIterationReachesThem() {
    Paged<Package> all = customer.client().plan().listAllPackages(PAGES_OF_10);
    assertEquals(0, server.proxy().attempts(LIST_PACKAGES).size(), "nothing fetched before iterating");

    assertEquals(5, all.stream().limit(5).count());
    assertEquals(1, server.proxy().attempts(LIST_PACKAGES).size());

    Iterator<Package> iterator = all.iterator();
    for (int i = 0; i < 11; i++) {
      iterator.next();
    }
    assertEquals(3, server.proxy().attempts(LIST_PACKAGES).size(), "a new iteration starts again; item 11 is on page 2");
  }

  @Test
  void theStreamAndTheIteratorSeeTheSamePackagesInTheSameOrder() {
    List<String> streamed = customer.client().plan().listAllPackages(PAGES_OF_10).stream().map(Package::getPackageId).toList();
    List<String> iterated = new ArrayList<>();
    customer.client().plan().listAllPackages(PAGES_OF_10).forEach(p -> iterated.add(p.getPackageId()));
    assertEquals(iterated, streamed);
  }

  @Test
  void theAsyncListCallPagesWithTheSameTokens() throws Exception {
    Set<String> ids = new HashSet<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = "";
    do {
      ListPackagesResponse page =
          customer.client().plan()
              .listPackagesAsync(PAGES_OF_10.toBuilder().setPageToken(token).build())
              .get(30, TimeUnit.SECONDS);
      pageSizes.add(page.getPackagesCount());
      ids.addAll(page.getPackagesList().stream().map(Package::getPackageId).collect(Collectors.toSet()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());

    assertEquals(List.of(10, 10, 5), pageSizes);
    assertEquals(
        customer.client().plan().listAllPackages(PAGES_OF_10).stream().map(Package::getPackageId).collect(Collectors.toSet()),
        ids);
    assertTrue(ids.size() == 25);
  }
}
