package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NormalizeScore's reciprocal division must give Java's quotient for every dividend it is used on. */
class NormalizeDivideTest {
    @Test
    void everyDividendUpTo200TimesSmallDivisorsDividesExactly() {
        for (long divisor = 1; divisor <= 2_000; divisor++) {
            double reciprocal = Normalize.reciprocal(divisor);
            for (long dividend = 0; dividend <= 200 * divisor; dividend++) {
                assertEquals(dividend / divisor, Normalize.divide(dividend, divisor, reciprocal),
                        dividend + " / " + divisor);
            }
        }
    }

    @Test
    void multiplesAndTheirNeighboursOfLargeDivisorsDivideExactly() {
        SplittableRandom rng = new SplittableRandom(16);
        long[] divisors = {(1L << 31) - 1, 1L << 31, 1L << 40, 999_999_937L, 3, 7};
        for (int round = 0; round < 200_000; round++) {
            long divisor = round < divisors.length ? divisors[round] : 1 + rng.nextLong((1L << 32));
            double reciprocal = Normalize.reciprocal(divisor);
            long multiple = divisor * rng.nextLong(201);
            for (long dividend = Math.max(0, multiple - 2); dividend <= multiple + 2; dividend++) {
                if (dividend <= 200 * divisor) {
                    assertEquals(dividend / divisor, Normalize.divide(dividend, divisor, reciprocal),
                            dividend + " / " + divisor);
                }
            }
        }
    }
}
