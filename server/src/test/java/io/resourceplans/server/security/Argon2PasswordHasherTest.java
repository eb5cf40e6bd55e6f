package io.resourceplans.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stored hashes stay valid across the change of Argon2 library: the strings below were made by the
 * earlier Bouncy Castle implementation (bcprov 1.87) of this class, and must verify with the
 * current one.
 */
class Argon2PasswordHasherTest {
  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(8, 1);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "correct horse battery staple | $argon2id$v=19$m=8,t=1,p=1$9IPeJYO95fCEMWj4uE94bA$dsD0Ioz686hQfl1vt1GtlJbdkPQUe3ErYN8ziQkfx/o",
        "''                           | $argon2id$v=19$m=16,t=2,p=1$Yhh3MA0c4b+TTQkxIjlCuA$/z7UGEa/HIc2giSGo0/ZOwLfYQxOBAU9GbxE62zPamE",
        "pässwörd-ünïcødé ✓           | $argon2id$v=19$m=32,t=3,p=1$RoG27CjvcojSkm/yn8X3JQ$DMIRKEn9TLmN4im0roq/TzVPVyRJKbQ3XYyrxdTNHZ8",
        "p@ss                         | $argon2id$v=19$m=64,t=1,p=1$8eDIygEBR9BG4TS6Yz8pmQ$CFc1l1nu4pN4LQ9ootFSxSNhyHIKE94MYb6bzzTUO3Y",
        "Secret#2024                  | $argon2id$v=19$m=19456,t=2,p=1$uQJsUCOFThyvkK2rI5LODw$1Ofy4umwCg69K1l6K8YjQNNU0CEyotWCcXbAzKVlPUQ",
      })
  void hashesMadeByBouncyCastleStillVerify(String password, String phc) {
    assertTrue(hasher.verify(password, phc), phc);
    assertFalse(hasher.verify(password + "x", phc));
    assertFalse(hasher.verify("wrong", phc));
  }

  /** The reference implementation's own test vector (phc-winner-argon2 src/test.c, Argon2id v=0x13, t=2, m=2^8, p=1). */
  @Test
  void referenceVector() {
    String phc = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    assertTrue(hasher.verify("password", phc));
    assertFalse(hasher.verify("passwore", phc));
  }

  @Test
  void hashHasTheDocumentedFormat() {
    Argon2PasswordHasher configured = new Argon2PasswordHasher(64, 3);
    String phc = configured.hash("s3cret");
    assertArgon2idAtCost64Kib3Iterations(phc);
    assertTrue(configured.verify("s3cret", phc));
    assertFalse(configured.verify("s3creT", phc));
    assertNotEquals(phc, configured.hash("s3cret"), "a fresh salt each time");
  }

  /**
   * The dummy compared against for a name that is no user: the configured cost (so the comparison
   * takes as long as a real one), the format of a real hash, fresh each time, matching nothing.
   */
  @Test
  void unmatchableHasTheConfiguredCostAndMatchesNoPassword() {
    Argon2PasswordHasher configured = new Argon2PasswordHasher(64, 3);
    String dummy = configured.unmatchable();
    String[] parts = assertArgon2idAtCost64Kib3Iterations(dummy);
    assertNotEquals(dummy, configured.unmatchable(), "fresh each time");
    for (String password : new String[] {"", "password", "s3cret", parts[4], parts[5]}) {
      assertFalse(configured.verify(password, dummy), password);
    }
  }

  /** The documented PHC format, Argon2id v=19 at m=64, t=3: a 16-byte salt and 32-byte tag, unpadded. */
  private static String[] assertArgon2idAtCost64Kib3Iterations(String phc) {
    String[] parts = phc.split("\\$");
    assertEquals(6, parts.length, phc);
    assertEquals("argon2id", parts[1]);
    assertEquals("v=19", parts[2]);
    assertEquals("m=64,t=3,p=1", parts[3]);
    assertEquals(16, Base64.getDecoder().decode(parts[4]).length);
    assertEquals(32, Base64.getDecoder().decode(parts[5]).length);
    assertFalse(parts[4].endsWith("=") || parts[5].endsWith("="), "no base64 padding");
    return parts;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$argon2i$v=19$m=8,t=1,p=1$9IPeJYO95fCEMWj4uE94bA$dsD0Ioz686hQfl1vt1GtlJbdkPQUe3ErYN8ziQkfx/o",
        "$argon2id$v=16$m=8,t=1,p=1$9IPeJYO95fCEMWj4uE94bA$dsD0Ioz686hQfl1vt1GtlJbdkPQUe3ErYN8ziQkfx/o",
        "$argon2id$v=19$m=8,t=1,p=2$9IPeJYO95fCEMWj4uE94bA$dsD0Ioz686hQfl1vt1GtlJbdkPQUe3ErYN8ziQkfx/o",
        "$argon2id$v=19$m=4,t=1,p=1$9IPeJYO95fCEMWj4uE94bA$dsD0Ioz686hQfl1vt1GtlJbdkPQUe3ErYN8ziQkfx/o",
        "$argon2id$v=19$m=8,t=0,p=1$9IPeJYO95fCEMWj4uE94bA$dsD0Ioz686hQfl1vt1GtlJbdkPQUe3ErYN8ziQkfx/o",
        "$argon2id$v=19$m=8,t=1,p=1$9IPeJYO95fCEMWj4uE94bA$",
        "$argon2id$v=19$m=8,t=1,p=1$9IPeJYO95fCEMWj4uE94bA$!!",
        "$argon2id$v=19$m=x,t=1,p=1$9IPeJYO95fCEMWj4uE94bA$dsD0Ioz686hQfl1vt1GtlJbdkPQUe3ErYN8ziQkfx/o",
        "not a hash",
      })
  void malformedOrForeignStringsAreRejected(String phc) {
    assertFalse(hasher.verify("correct horse battery staple", phc));
  }
}
