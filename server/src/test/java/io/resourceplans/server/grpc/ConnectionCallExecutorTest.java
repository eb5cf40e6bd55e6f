package io.resourceplans.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionCallExecutorTest {
  /** Failures that escape a task end its thread; kept here instead of printed. */
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

  private final ExecutorService threads =
      Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        return t;
      });

  @AfterEach
  void stop() throws InterruptedException {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
  }

  @Test
  void runsAtMostItsLimitAtOnceAndTheRestWhenSlotsFree() throws Exception {
    ConnectionCallExecutor executor = new ConnectionCallExecutor(threads, 3);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> started = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(20);
    for (int i = 0; i < 20; i++) {
      int n = i;
      executor.execute(() -> {
        started.add(n);
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          running.decrementAndGet();
          done.countDown();
        }
      });
    }
    waitUntil(() -> started.size() == 3);
    Thread.sleep(100); // room for a fourth to start, were the limit not kept
    assertEquals(3, started.size());
    release.countDown();
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(3, most.get());
    assertEquals(20, started.size());
  }

  @Test
  void waitingTasksRunInTheOrderTheyCame() throws Exception {
    ConnectionCallExecutor executor = new ConnectionCallExecutor(threads, 1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> order = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(10);
    executor.execute(() -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    for (int i = 0; i < 10; i++) {
      int n = i;
      executor.execute(() -> {
        order.add(n);
        done.countDown();
      });
    }
    release.countDown();
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), order);
  }

  @Test
  void aTaskThatThrowsDoesNotCostTheConnectionItsSlotOrItsWaitingTasks() throws Exception {
    ConnectionCallExecutor executor = new ConnectionCallExecutor(threads, 1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(3);
    executor.execute(() -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("a task's own failure");
    });
    executor.execute(ran::countDown);
    executor.execute(ran::countDown);
    release.countDown();
    executor.execute(ran::countDown);
    assertTrue(ran.await(10, TimeUnit.SECONDS), "tasks after the failing one did not run");
    waitUntil(() -> !uncaught.isEmpty());
    assertEquals("a task's own failure", uncaught.get(0).getMessage(), "the failure is not swallowed");
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "condition not met within 10 s");
      Thread.sleep(5);
    }
  }
}
