package io.resourceplans.server.di;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** The meter registry handed to the component's builder, if any (see MetricsModule). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
public @interface GivenRegistry {}
