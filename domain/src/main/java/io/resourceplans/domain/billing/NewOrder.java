package io.resourceplans.domain.billing;

import io.resourceplans.domain.catalog.Purpose;

/** What a buyer asks for: a spec, how many, for what, where, under which terms version. */
public record NewOrder(
    String planSpecId, long quantity, Purpose purpose, String regionId, String acceptedTermsVersion) {}
