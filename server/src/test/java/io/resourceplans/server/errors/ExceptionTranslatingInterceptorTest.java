package io.resourceplans.server.errors;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.GetAccountRequest;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A failure while the request message is handled is answered once, and logged once. */
class ExceptionTranslatingInterceptorTest {
  /** Stands for any interceptor or handler that fails on the message (e.g. a rule that throws). */
  private static final ServerInterceptor FAILS_ON_MESSAGE =
      new ServerInterceptor() {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
          return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onMessage(Q message) {
              throw new IllegalStateException("failed on the message");
            }
          };
        }
      };

  @Test
  void aFailureOnTheMessageIsInternalAndTheHandlerHearsNoHalfClose() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(ExceptionTranslatingInterceptor.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    // The server's work waits here until the test runs it, so the request and its half-close are
    // both queued before the message is handled, as they are when a client sends them at once.
    Queue<Runnable> work = new ConcurrentLinkedQueue<>();
    String name = InProcessServerBuilder.generateName();
    Server server =
        InProcessServerBuilder.forName(name)
            .executor(work::add)
            .addService(
                ServerInterceptors.intercept(
                    new ActivationServiceGrpc.ActivationServiceImplBase() {},
                    FAILS_ON_MESSAGE,
                    new ExceptionTranslatingInterceptor()))
            .build()
            .start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      var answer = ActivationServiceGrpc.newFutureStub(channel).getAccount(GetAccountRequest.getDefaultInstance());
      for (int i = 0; i < 10_000 && !answer.isDone(); i++) {
        Runnable next = work.poll();
        if (next != null) {
          next.run();
        } else {
          Thread.sleep(1);
        }
      }
      assertRefused(Status.Code.INTERNAL, "INTERNAL_ERROR", () -> unwrap(answer));
      for (Runnable rest; (rest = work.poll()) != null; ) {
        rest.run();
      }
      List<String> lines = appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
      assertEquals(1, lines.size(), lines::toString);
      assertTrue(lines.get(0).startsWith("ERROR internal error"), lines::toString);
    } finally {
      logger.detachAppender(appender);
      channel.shutdownNow();
      server.shutdownNow();
      for (Runnable rest; (rest = work.poll()) != null; ) {
        rest.run();
      }
    }
  }

  private static Object unwrap(java.util.concurrent.Future<?> answer) throws Throwable {
    try {
      return answer.get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause();
    }
  }
}
