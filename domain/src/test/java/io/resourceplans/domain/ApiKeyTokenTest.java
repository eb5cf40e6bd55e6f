package io.resourceplans.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.auth.ApiKeyToken;
import io.resourceplans.domain.common.Ids;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyTokenTest {
  @Test
  void generatedTokenParsesBackToItsKey() {
    String account = Ids.newId("acc");
    String key = Ids.newId("key");
    String token = ApiKeyToken.generate(account, key);
    assertEquals(Optional.of(new ApiKeyToken.KeyRef(account, key)), ApiKeyToken.parse(token));
    assertTrue(ApiKeyToken.matches(token, ApiKeyToken.hash(token)));
  }

  @Test
  void tokensAreRandomAndHashesDiffer() {
    String a = ApiKeyToken.generate("acc-0000000000000000", "key-0000000000000000");
    String b = ApiKeyToken.generate("acc-0000000000000000", "key-0000000000000000");
    assertNotEquals(a, b);
    assertFalse(ApiKeyToken.matches(a, ApiKeyToken.hash(b)));
  }

  @Test
  void malformedTokensDoNotParse() {
    assertEquals(Optional.empty(), ApiKeyToken.parse("rpk.acc-1.key-2.short"));
    assertEquals(Optional.empty(), ApiKeyToken.parse("Bearer whatever"));
  }

  @Test
  void displayPrefixIsTheStartOfTheRandomPart() {
    String token = ApiKeyToken.generate("acc-0000000000000000", "key-0000000000000000");
    String prefix = ApiKeyToken.displayPrefix(token);
    assertEquals(8, prefix.length());
    assertTrue(token.endsWith(token.substring(token.lastIndexOf('.') + 1)));
    assertTrue(token.substring(token.lastIndexOf('.') + 1).startsWith(prefix));
  }
}
