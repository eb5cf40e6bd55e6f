package io.resourceplans.server.di;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** The operator's API key from configuration. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
public @interface OperatorKey {}
