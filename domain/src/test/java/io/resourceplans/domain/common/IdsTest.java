package io.resourceplans.domain.common;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void idsAreThePrefixAndSixteenUniformCharactersAllDistinct() {
    IdShapes.assertWellFormedAndUniform("use", IntStream.range(0, 20_000).mapToObj(i -> Ids.newId("use")).toList());
  }
}
