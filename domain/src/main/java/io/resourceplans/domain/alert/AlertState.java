package io.resourceplans.domain.alert;

/** Where a remaining-quota alert stands; only ARMED and TRIGGERED are stored. */
public enum AlertState {
  /** No threshold ("no alert set"). */
  NOT_SET,
  /** An alert goes out when the remaining quantity goes below the threshold. */
  ARMED,
  /** The alert went out; it re-arms once the remaining quantity is at least the threshold. */
  TRIGGERED
}
