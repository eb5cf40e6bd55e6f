package io.resourceplans.server.grpc;

import com.google.rpc.ErrorDetailsProto;
import io.grpc.HandlerRegistry;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import java.util.List;

/**
 * Makes server reflection serve google/rpc/error_details.proto (ErrorInfo, BadRequest, RetryInfo,
 * ...), so that clients that resolve Any types through reflection (grpcurl) decode the details
 * of our errors instead of printing base64 (buf curl 1.75.0 does not: see docs/errors.md).
 * Install it as the server's fallback handler registry.
 *
 * <p>Why it works: grpc-java's reflection (ProtoReflectionServiceV1; the v1alpha service delegates
 * to it) serves only the files of the server's services and their imports, and none of our service
 * files imports error_details.proto (an unused import would fail buf lint's IMPORT_USED). It indexes
 * two lists of services apart: those added to the builder, and those the fallback registry's
 * getServices() answers. Here that is one service definition without methods whose schema is
 * error_details.proto, so the second index walks that file (and its import duration.proto). The
 * index takes a service's name from the ServiceDescriptor without looking for it in the file, and
 * answers list_services with the two indexes' names merged into one set: the entry borrows the name
 * of the reflection service it is installed beside, so list_services lists exactly the services it
 * did before. Symbols are looked up in the builder's services first, so nothing they define is
 * shadowed. The registry dispatches nothing ({@link #lookupMethod} is always null): a call to a
 * method the server does not have is UNIMPLEMENTED, as without it.
 */
public final class ErrorDetailsReflection extends HandlerRegistry {
  private final List<ServerServiceDefinition> services;

  private ErrorDetailsReflection(String borrowedName) {
    ProtoFileDescriptorSupplier errorDetails = ErrorDetailsProto::getDescriptor;
    ServiceDescriptor descriptor =
        ServiceDescriptor.newBuilder(borrowedName).setSchemaDescriptor(errorDetails).build();
    this.services = List.of(ServerServiceDefinition.builder(descriptor).build());
  }

  /** The fallback registry for a server that also has {@code reflection} (its v1 service). */
  public static HandlerRegistry beside(ServerServiceDefinition reflection) {
    return new ErrorDetailsReflection(reflection.getServiceDescriptor().getName());
  }

  @Override
  public List<ServerServiceDefinition> getServices() {
    return services;
  }

  @Override
  public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
    return null;
  }
}
