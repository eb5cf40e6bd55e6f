package io.resourceplans.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template resources: every kind in both languages, filled completely; and the backoff rule. */
class TemplatesTest {
  private static final Templates TEMPLATES = Templates.builtIn();

  private static Map<String, String> params(NotificationKind kind) {
    return switch (kind) {
      case QUOTA_ALERT -> Map.of("productId", "mail", "purpose", "MARKETING", "remaining", "12", "threshold", "100");
      case EXPIRY_REMINDER -> Map.of("packageId", "U1A261122ABCDEFGHIJ", "packageName", "Mail <5000>", "productId", "mail",
          "remaining", "300", "expiryDate", "2027-05-22", "daysLeft", "7", "dayUnit", "other");
      case SYSTEM -> Map.of("title", "Maintenance", "body", "Tonight 02:00 UTC");
      case ORDER_PAID -> Map.of("orderId", "ord-1", "productId", "sms-domestic", "resource", "SMS", "purpose", "GENERAL",
          "amount", "44.00 CNY", "packageIds", "U1", "issuedQuantity", "1000", "expiryDate", "2027-11-22");
      case VERIFICATION_CODE -> Map.of("code", "123456", "codePurpose", "CREATE_WORKSPACE", "validMinutes", "15");
    };
  }

  @Test
  void everyKindRendersInBothLanguagesWithNothingLeftOpen() {
    for (NotificationKind kind : NotificationKind.values()) {
      for (Language language : Language.values()) {
        Templates.Rendered r = TEMPLATES.render(kind, language, params(kind));
        for (String part : new String[] {r.subject(), r.text(), r.sms()}) {
          assertFalse(part.isBlank(), kind + " " + language);
          assertFalse(part.contains("{{") || part.contains("}}"), kind + " " + language + ": " + part);
        }
        assertFalse(r.subject().contains("\n"), kind + " " + language);
        if (kind != NotificationKind.SYSTEM) {
          assertNotNull(r.html(), kind + " " + language);
        }
      }
    }
  }

  @Test
  void theFactsAndTheWordsOfTheLanguage() {
    var en = TEMPLATES.render(NotificationKind.EXPIRY_REMINDER, Language.EN, params(NotificationKind.EXPIRY_REMINDER));
    assertEquals("Package U1A261122ABCDEFGHIJ expires in 7 days", en.subject());
    assertTrue(en.text().contains("has 300 left and expires on 2027-05-22 (UTC)"), en.text());
    assertTrue(en.html().contains("Mail &lt;5000&gt;"), "values are escaped in HTML: " + en.html());
    assertTrue(en.text().contains("Mail <5000>"), "but not in plain text");
    var zh = TEMPLATES.render(NotificationKind.QUOTA_ALERT, Language.ZH_CN, params(NotificationKind.QUOTA_ALERT));
    assertEquals("剩余额度不足：mail（会员营销）", zh.subject());
    var code = TEMPLATES.render(NotificationKind.VERIFICATION_CODE, Language.EN, params(NotificationKind.VERIFICATION_CODE));
    assertFalse(code.subject().contains("123456"), "the code stays out of the subject");
    assertTrue(code.text().contains("to create a workspace is 123456. It is valid for 15 minutes."), code.text());
  }

  @Test
  void aMissingParameterOrLabelIsAnError() {
    Map<String, String> missing = new HashMap<>(params(NotificationKind.QUOTA_ALERT));
    missing.remove("threshold");
    assertThrows(IllegalArgumentException.class, () -> TEMPLATES.render(NotificationKind.QUOTA_ALERT, Language.EN, missing));
    Map<String, String> unknown = new HashMap<>(params(NotificationKind.QUOTA_ALERT));
    unknown.put("purpose", "NOPE");
    assertThrows(IllegalArgumentException.class, () -> TEMPLATES.render(NotificationKind.QUOTA_ALERT, Language.EN, unknown));
  }

  @Test
  void backoffDoublesUpToItsCapWithJitter() {
    DispatchSettings s =
        new DispatchSettings(Duration.ofSeconds(5), 50, 6, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(5));
    assertEquals(Duration.ofSeconds(15), s.backoff(1, 0.0));
    assertEquals(Duration.ofSeconds(30), s.backoff(2, 0.0));
    assertEquals(Duration.ofSeconds(60), s.backoff(3, 0.0));
    // Jitter scales into [0.5, 1) of the exponential delay.
    assertTrue(s.backoff(3, 0.999999).compareTo(Duration.ofSeconds(120)) < 0);
    assertTrue(s.backoff(3, 0.999999).compareTo(Duration.ofSeconds(119)) > 0);
    assertEquals(Duration.ofSeconds(150), s.backoff(10, 0.0));
    assertEquals(Duration.ofSeconds(150), s.backoff(1000, 0.0));
  }
}
