package org.flowscape.loss.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.concurrent.atomic.AtomicReference;
import org.flowscape.testing.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * Deep nesting and long input: accepted up to the documented limits without a stack overflow (checked on a thread with
 * an explicit 1 MiB stack, the JVM default), and rejected past them with a clear message.
 */
class CostExpressionLimitsTest {
    private static final long DEFAULT_STACK = 1024 * 1024;

    /** Runs {@code body} on a thread with an explicit 1 MiB stack (the JVM default; independent of -Xss). */
    private static void onDefaultStack(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "default-stack", DEFAULT_STACK);
        t.start();
        t.join();
        assertThat(failure.get()).as("no error on a 1 MiB stack").isNull();
    }

    private static void matchesDifferences(CostExpression c, double x, double y) {
        double h = 1e-5;
        double fd1 = (c.value(x + h, y) - c.value(x - h, y)) / (2 * h);
        double fd2 = (c.derivative(x + h, y) - c.derivative(x - h, y)) / (2 * h);
        assertClose("dc/dx", fd1, c.derivative(x, y), 1e-8, Tolerances.FINITE_DIFFERENCE_REL);
        assertClose("d2c/dx2", fd2, c.secondDerivative(x, y), 1e-8, Tolerances.FINITE_DIFFERENCE_REL);
    }

    @Test
    void twoHundredNestedParenthesesAndCallsWork() throws InterruptedException {
        int n = 200;
        onDefaultStack(() -> {
            CostExpression parens = CostExpression.parse("(".repeat(n) + "x-y" + ")".repeat(n) + "^2");
            assertThat(parens.value(3, 1)).isEqualTo(4);
            assertThat(parens.secondDerivative(3, 1)).isEqualTo(2);
            CostExpression sines = CostExpression.parse("sin(".repeat(n) + "x" + ")".repeat(n));
            assertThat(sines.valueText()).hasSize(5 * n + 1);
            matchesDifferences(sines, 0.7, 0);
            CostExpression squares = CostExpression.parse("(0.5*(1+".repeat(n / 2) + "x" + "))^2".repeat(n / 2));
            matchesDifferences(squares, 0.3, 0);
            CostExpression affine = CostExpression.parse("sin(" + "(1+0.5*".repeat(n - 1) + "x" + ")".repeat(n));
            matchesDifferences(affine, 0.3, 0);
            CostExpression chain = CostExpression.parse("log(1+exp(tanh(".repeat(n / 3) + "x-y" + ")))".repeat(n / 3));
            matchesDifferences(chain, 0.4, -0.2);
        });
    }

    @Test
    void nestingAtTheLimitWorksAndPastItIsRejected() throws InterruptedException {
        int n = Parser.MAX_NESTING;
        onDefaultStack(() -> {
            assertThat(CostExpression.parse("(".repeat(n) + "x" + ")".repeat(n)).value(2, 0)).isEqualTo(2);
            assertThat(CostExpression.parse("sin(".repeat(n) + "x" + ")".repeat(n)).secondDerivative(0.5, 0))
                    .isFinite();
            assertThat(CostExpression.parse("-".repeat(n) + "x").value(2, 0)).isEqualTo(2);
        });
        assertThatThrownBy(() -> CostExpression.parse("(".repeat(n + 1) + "x" + ")".repeat(n + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting deeper than " + n + " levels at column " + (n + 2));
        assertThatThrownBy(() -> CostExpression.parse("sin(".repeat(1000) + "x" + ")".repeat(1000)))
                .hasMessageContaining("nesting deeper than");
        assertThatThrownBy(() -> CostExpression.parse("-".repeat(5000) + "x")).hasMessageContaining("nesting deeper");
    }

    @Test
    void longFlatSumsWorkUpToTheDepthLimit() throws InterruptedException {
        int terms = CostExpression.MAX_DEPTH - 10;
        String sum = "(x-y)^2" + "+(x-y)^2".repeat(terms - 1);
        onDefaultStack(() -> {
            CostExpression c = CostExpression.parse(sum);
            assertThat(c.value(3, 1)).isEqualTo(4.0 * terms);
            assertThat(c.derivative(3, 1)).isEqualTo(4.0 * terms);
            assertThat(c.secondDerivative(3, 1)).isEqualTo(2.0 * terms);
        });
        String tooDeep = "x*y" + "+x*y".repeat(CostExpression.MAX_DEPTH + 100);
        assertThatThrownBy(() -> CostExpression.parse(tooDeep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nests " + (CostExpression.MAX_DEPTH + 102) + " operations deep")
                .hasMessageContaining("over the limit of " + CostExpression.MAX_DEPTH);
        String product = "x" + "*x".repeat(900);
        assertThatThrownBy(() -> CostExpression.parse(product)).hasMessageContaining("its derivative nests");
    }

    @Test
    void lengthLimitIsTenThousandCharacters() {
        int limit = CostExpression.MAX_LENGTH;
        assertThat(limit).isEqualTo(10_000);
        String atLimit = "x+" + " ".repeat(limit - 3) + "y";
        assertThat(atLimit).hasSize(limit);
        assertThat(CostExpression.parse(atLimit).value(1, 2)).isEqualTo(3);
        String over = "x+" + " ".repeat(limit - 2) + "y";
        assertThatThrownBy(() -> CostExpression.parse(over)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is 10001 characters long, over the limit of 10000")
                .hasMessageNotContaining("\n");
        assertThat(Parser.quote(over)).hasSize(80).endsWith("...");
        String huge = "x" + "+x".repeat(100_000);
        assertThatThrownBy(() -> CostExpression.parse(huge)).hasMessageContaining("200001 characters long");
    }
}
