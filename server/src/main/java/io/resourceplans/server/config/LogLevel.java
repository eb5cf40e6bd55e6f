package io.resourceplans.server.config;

/** The least severe level logged ({@code --log-level}). */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR
}
