package io.nodesim.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OnEveryCoreTest {
    @Test
    void resultsComeBackInJobOrder_whateverOrderTheyFinishIn() throws Exception {
        CountDownLatch secondDone = new CountDownLatch(1);
        List<Callable<?>> jobs = List.of(() -> {
            // the first job finishes last
            secondDone.await(10, TimeUnit.SECONDS);
            return "first";
        }, () -> {
            secondDone.countDown();
            return "second";
        }, () -> 3);
        assertEquals(List.of("first", "second", 3), OnEveryCore.run(jobs, done -> { }));
    }

    @Test
    void aFailureIsRethrownAfterEveryJobEnded_andTheOthersAreHandedToTheCleanup() {
        List<Object> cleaned = new ArrayList<>();
        CountDownLatch failed = new CountDownLatch(1);
        List<Callable<?>> jobs = List.of(() -> {
            failed.countDown();
            throw new IOException("disk full");
        }, () -> {
            // still running when the first job fails
            failed.await(10, TimeUnit.SECONDS);
            Thread.sleep(50);
            return "late";
        }, () -> "quick");
        IOException e = assertThrows(IOException.class, () -> OnEveryCore.run(jobs, cleaned::addAll));
        assertEquals("disk full", e.getMessage());
        assertEquals(List.of("late", "quick"), cleaned);
    }
}
