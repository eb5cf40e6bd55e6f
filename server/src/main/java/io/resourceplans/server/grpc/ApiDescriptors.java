package io.resourceplans.server.grpc;

import io.resourceplans.api.v1.ActivationServiceProto;
import io.resourceplans.api.v1.BindingServiceProto;
import io.resourceplans.api.v1.OperatorServiceProto;
import io.resourceplans.api.v1.PlanServiceProto;

/**
 * Loads the API's protobuf descriptors (its services', their messages' and every file they import)
 * on a thread of their own. They are built from their serialized form when first used, which on a
 * small machine is tens of milliseconds of a start; Main starts this first thing, so that the
 * loading overlaps with logging and database set-up instead of coming when the services are
 * registered. Whoever needs a descriptor first waits for it if this thread is still building it
 * (class initialisation), so nothing depends on this having finished.
 */
public final class ApiDescriptors {
  private ApiDescriptors() {}

  /** Starts loading; returns at once. */
  public static void loadInBackground() {
    Thread loader =
        new Thread(
            () -> {
              PlanServiceProto.getDescriptor();
              ActivationServiceProto.getDescriptor();
              BindingServiceProto.getDescriptor();
              OperatorServiceProto.getDescriptor();
            },
            "api-descriptors");
    loader.setDaemon(true);
    loader.start();
  }
}
