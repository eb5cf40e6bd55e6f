package io.resourceplans.domain.identity;

/** What an account submits for verification; the document number is in clear only here. */
public record NewIdentityVerification(
    IdentitySubjectType subjectType, String legalName, String documentNumber) {

  /** Never prints the document number, should this record end up in a log line. */
  @Override
  public String toString() {
    return "NewIdentityVerification[subjectType=" + subjectType + ", documentNumber="
        + DocumentNumbers.mask(documentNumber) + "]";
  }
}
