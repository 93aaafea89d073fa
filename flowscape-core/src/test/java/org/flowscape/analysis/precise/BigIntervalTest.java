package org.flowscape.analysis.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Outward rounding and containment of the interval operations, every sign case included. */
class BigIntervalTest {
    private static final Precision P = new Precision(25);

    @Test
    void directedRoundingBracketsTheExactResult() {
        BigInterval third = BigInterval.ONE.divide(BigInterval.point(BigDecimal.valueOf(3)), P);
        assertThat(third.lo().multiply(BigDecimal.valueOf(3))).isLessThan(BigDecimal.ONE);
        assertThat(third.hi().multiply(BigDecimal.valueOf(3))).isGreaterThan(BigDecimal.ONE);
        assertThat(third.width(P)).isLessThan(new BigDecimal("1e-24"));
        BigInterval sum = BigInterval.of(1e30).add(BigInterval.of(1e-30), P);
        assertThat(sum.lo()).isLessThan(sum.hi());
    }

    @Test
    void operationsContainEveryPairOfMembers() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            BigInterval a = random(rng);
            BigInterval b = random(rng);
            BigDecimal x = member(a, rng);
            BigDecimal y = member(b, rng);
            assertThat(contains(a.add(b, P), x.add(y))).isTrue();
            assertThat(contains(a.subtract(b, P), x.subtract(y))).isTrue();
            assertThat(contains(a.multiply(b, P), x.multiply(y))).isTrue();
            assertThat(contains(a.multiply(y, P), x.multiply(y))).isTrue();
            assertThat(contains(a.square(P), x.multiply(x))).isTrue();
            assertThat(a.square(P).lo().signum()).isGreaterThanOrEqualTo(0);
            if (!b.containsZero()) {
                assertThat(contains(a.divide(b, P), x.divide(y, new java.math.MathContext(60)))).isTrue();
            }
        }
    }

    @Test
    void refusesDivisionByZeroAndEmptyIntervals() {
        assertThatThrownBy(() -> BigInterval.ONE.divide(new BigInterval(BigDecimal.ONE.negate(), BigDecimal.ONE), P))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new BigInterval(BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Precision(5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BigInterval random(SplittableRandom rng) {
        double a = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-5, 6));
        double b = a + rng.nextDouble() * Math.pow(10, rng.nextInt(-20, 3)) * (rng.nextInt(4) == 0 ? 0 : 1);
        return new BigInterval(new BigDecimal(a), new BigDecimal(b));
    }

    private static BigDecimal member(BigInterval x, SplittableRandom rng) {
        return switch (rng.nextInt(3)) {
            case 0 -> x.lo();
            case 1 -> x.hi();
            default -> x.lo().add(x.hi()).multiply(new BigDecimal("0.5"));
        };
    }

    private static boolean contains(BigInterval x, BigDecimal v) {
        return x.lo().compareTo(v) <= 0 && x.hi().compareTo(v) >= 0;
    }
}
