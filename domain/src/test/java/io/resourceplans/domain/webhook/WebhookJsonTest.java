package io.resourceplans.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookJsonTest {
  @Test
  void writesStringsNumbersListsAndObjectsInOrderWithEscapes() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", "a\"b\\c\n\u0001\u2028");
    data.put("n", 42L);
    data.put("ids", List.of("x", "y"));
    data.put("amount", Map.of("currency", "CNY"));
    assertEquals(
        "{\"name\":\"a\\\"b\\\\c\\n\\u0001\\u2028\",\"n\":42,\"ids\":[\"x\",\"y\"],\"amount\":{\"currency\":\"CNY\"}}",
        WebhookJson.write(data));
  }
}
