package io.resourceplans.server.di;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** The event stream settings the component was built with; null = the defaults (EventModule). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
public @interface GivenEventStreamSettings {}
