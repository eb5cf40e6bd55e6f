package io.resourceplans.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.domain.activation.PackageAvailability.ActivePackages;
import io.resourceplans.domain.activation.ProductUsability;
import org.junit.jupiter.api.Test;

class ProductUsabilityTest {
  @Test
  void payAsYouGoMakesTheProductUsableWithOrWithoutPackages() {
    assertEquals(ProductUsability.PAY_AS_YOU_GO, ProductUsability.of(true, new ActivePackages(0, 0)));
    assertEquals(ProductUsability.PAY_AS_YOU_GO, ProductUsability.of(true, new ActivePackages(2, 500)));
  }

  @Test
  void activePackagesWithQuantityLeftMakeItUsableWithoutPayAsYouGo() {
    assertEquals(ProductUsability.RESOURCE_PLAN, ProductUsability.of(false, new ActivePackages(1, 1)));
  }

  @Test
  void neitherMeansTheConsoleMustPromptToActivateOrBuy() {
    assertEquals(ProductUsability.ACTIVATE_OR_BUY, ProductUsability.of(false, new ActivePackages(0, 0)));
    assertEquals(ProductUsability.ACTIVATE_OR_BUY, ProductUsability.of(false, new ActivePackages(1, 0)));
  }
}
