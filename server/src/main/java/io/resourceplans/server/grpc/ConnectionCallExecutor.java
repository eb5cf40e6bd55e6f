package io.resourceplans.server.grpc;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs the calls of one client connection on shared threads, at most {@code limit} at a time; the
 * rest wait here, in arrival order, on no thread and in front of no other connection's calls.
 *
 * <p>gRPC hands each call's work to its executor one task at a time (a serializing executor per
 * call), so "tasks running" here is "calls running".
 */
final class ConnectionCallExecutor implements Executor {
  private final Executor threads;
  private final int limit;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int running;

  ConnectionCallExecutor(Executor threads, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.threads = threads;
    this.limit = limit;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      if (running >= limit) {
        waiting.add(task);
        return;
      }
      running++;
    }
    try {
      threads.execute(() -> runThenDrain(task));
    } catch (RuntimeException e) {
      synchronized (this) {
        running--;
      }
      throw e;
    }
  }

  /** Runs the task, then this connection's waiting tasks on the same thread, until none is left. */
  private void runThenDrain(Runnable first) {
    Runnable task = first;
    while (task != null) {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        // gRPC's tasks catch their own failures; should one escape, this thread ends with it and
        // the slot carries on with the next waiting task on another thread.
        Runnable next = next();
        if (next != null) {
          threads.execute(() -> runThenDrain(next));
        }
        throw e;
      }
      task = next();
    }
  }

  /** The next waiting task, or null after giving the slot back. */
  private synchronized Runnable next() {
    Runnable task = waiting.poll();
    if (task == null) {
      running--;
    }
    return task;
  }
}
