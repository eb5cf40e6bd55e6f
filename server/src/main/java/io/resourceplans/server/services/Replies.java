package io.resourceplans.server.services;

import io.grpc.stub.StreamObserver;

/** Completes a unary call. Exceptions are left to the exception interceptor. */
final class Replies {
  private Replies() {}

  static <T> void reply(StreamObserver<T> out, T response) {
    out.onNext(response);
    out.onCompleted();
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
