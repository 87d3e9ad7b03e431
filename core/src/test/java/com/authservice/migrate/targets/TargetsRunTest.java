package com.authservice.migrate.targets;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.targets.MemberResult.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine on its own, with lanes that need no database: order, stopping, parallelism, the deadline. */
class TargetsRunTest {

  private static final List<String> MEMBERS = List.of("a", "b", "c", "d");

  /** A lane that records what ran and fails the members named in {@code failing}. */
  private static Lane<String> lane(List<String> ran, Set<String> failing) {
    return member -> {
      ran.add(member);
      if (failing.contains(member)) {
        throw new InvalidArgument(member + " broke");
      }
      return MemberResult.done(member, member.toUpperCase(), Duration.ZERO);
    };
  }

  @Test
  void inOrderRunsOneAfterTheOtherAndStopsAtTheFirstFailure() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());

    Runs<String> runs = new TargetsRun(new Policy.InOrder("environment"), "test")
        .run(MEMBERS, () -> lane(ran, Set.of("b")), new RunProgress() {
        });

    assertThat(ran).containsExactly("a", "b");
    assertThat(runs.members()).extracting(MemberResult::outcome)
        .containsExactly(Outcome.DONE, Outcome.FAILED, Outcome.NOT_RUN, Outcome.NOT_RUN);
    assertThat(runs.members().get(1).reason()).contains("b broke");
    assertThat(runs.members().get(2).reason()).contains("not run: an earlier environment failed");
    assertThat(runs.firstFailure()).map(MemberResult::member).contains("b");
    assertThat(runs.atOnce()).isEqualTo(1);
  }

  @Test
  void parallelWithoutFailFastRunsEveryMemberAndKeepsTheirOrder() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());

    Runs<String> runs = new TargetsRun(new Policy.Parallel(3, false), "test")
        .run(MEMBERS, () -> lane(ran, Set.of("a")), new RunProgress() {
        });

    assertThat(ran).containsExactlyInAnyOrderElementsOf(MEMBERS);
    assertThat(runs.members()).extracting(MemberResult::member).containsExactlyElementsOf(MEMBERS);
    assertThat(runs.members()).extracting(MemberResult::outcome)
        .containsExactly(Outcome.FAILED, Outcome.DONE, Outcome.DONE, Outcome.DONE);
    assertThat(runs.members().get(3).value()).contains("D");
    assertThat(runs.failures()).hasSize(1);
  }

  @Test
  void parallelFailFastLeavesTheMembersNotYetStartedUnrun() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());

    Runs<String> runs = new TargetsRun(new Policy.Parallel(1, true), "test")
        .run(MEMBERS, () -> lane(ran, Set.of("b")), new RunProgress() {
        });

    assertThat(ran).containsExactly("a", "b");
    assertThat(runs.members().get(3).reason()).contains("not run: an earlier member failed (--fail-fast)");
  }

  @Test
  void parallelRunsUpToItsBoundAtOnceWithOneLanePerWorker() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger lanes = new AtomicInteger();
    CountDownLatch allStarted = new CountDownLatch(3);
    List<String> eight = List.of("1", "2", "3", "4", "5", "6", "7", "8");
    List<int[]> progress = Collections.synchronizedList(new ArrayList<>());

    Runs<String> runs = new TargetsRun(new Policy.Parallel(3, false), "test").run(eight, () -> {
      lanes.incrementAndGet();
      return member -> {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        allStarted.countDown();
        try {
          allStarted.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        return MemberResult.done(member, member, Duration.ZERO);
      };
    }, new RunProgress() {
      @Override
      public void memberFinished(MemberResult<?> result, int done, int failed, int total) {
        progress.add(new int[] {done, failed, total});
      }
    });

    assertThat(runs.atOnce()).isEqualTo(3);
    assertThat(most.get()).isEqualTo(3);
    assertThat(lanes.get()).isEqualTo(3);
    assertThat(runs.failures()).isEmpty();
    assertThat(progress).hasSize(8).last().satisfies(last -> assertThat(last).containsExactly(8, 0, 8));
  }

  @Test
  void aMemberWithoutAnAnswerByTheDeadlineIsUnreachableAndTheOthersStillCount() {
    CountDownLatch never = new CountDownLatch(1);

    Runs<String> runs = new TargetsRun(new Policy.Parallel(4, false, Optional.of(Duration.ofMillis(300))), "test")
        .run(List.of("fast", "stuck"), () -> member -> {
          if (member.equals("stuck")) {
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return MemberResult.done(member, member, Duration.ZERO);
        }, new RunProgress() {
        });

    assertThat(runs.members()).extracting(MemberResult::outcome).containsExactly(Outcome.DONE, Outcome.UNREACHABLE);
    assertThat(runs.members().get(1).reason()).contains("no answer within 0 s");
  }
}
