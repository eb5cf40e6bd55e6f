package io.resourceplans.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.resourceplans.domain.identity.DocumentNumbers;
import io.resourceplans.domain.identity.IdentitySubjectType;
import io.resourceplans.domain.identity.NewIdentityVerification;
import org.junit.jupiter.api.Test;

class DocumentNumbersTest {
  @Test
  void everyCharacterButTheLastFourIsMasked() {
    assertEquals("**************123X", DocumentNumbers.mask("11010519491231123X"));
    assertEquals("**************0012", DocumentNumbers.mask("91350100M000100012"));
  }

  @Test
  void theShortestNumberStillHidesItsStart() {
    assertEquals("**3456", DocumentNumbers.mask("123456"));
  }

  @Test
  void maskKeepsTheLengthAndHidesTheRest() {
    String number = "E12345678-AB";
    String masked = DocumentNumbers.mask(number);
    assertEquals(number.length(), masked.length());
    assertEquals("********8-AB", masked);
    assertFalse(masked.contains("1234"));
  }

  @Test
  void aSubmissionNeverPrintsItsDocumentNumber() {
    var submission =
        new NewIdentityVerification(IdentitySubjectType.PERSONAL, "Li Lei", "11010519491231123X");
    assertFalse(submission.toString().contains("110105194912"));
    assertFalse(submission.toString().contains("Li Lei"), "legal names stay out of logs too");
  }
}
