package io.resourceplans.server.config;

/** How log lines are written ({@code --log-format}). */
public enum LogFormat {
  /** One readable line per event. */
  TEXT,
  /** One JSON object per line, for log shippers. */
  JSON
}
