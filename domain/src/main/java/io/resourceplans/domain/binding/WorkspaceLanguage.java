package io.resourceplans.domain.binding;

/** The language of a workspace. */
public enum WorkspaceLanguage {
  CHINESE,
  ENGLISH
}
