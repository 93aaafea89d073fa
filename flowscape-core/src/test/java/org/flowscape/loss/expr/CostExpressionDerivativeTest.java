package org.flowscape.loss.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.flowscape.rng.Seeds;
import org.flowscape.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values and both symbolic derivatives against central differences at seeded points, and against closed forms. Points
 * keep |x| ≥ 0.3 so negative powers stay tame; every expression is finite there.
 */
class CostExpressionDerivativeTest {
    private static final int POINTS = 25;

    /** One expression per function (inside a chain rule), the costs of the brief, and every kind of power. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "exp(0.7*x-0.3*y)", "log(1+x^2+0.5*y^2)", "sqrt(1+(x-y)^2)", "sin(2*x+y)", "cos(x*y)", "tanh(x-0.5*y)",
        "cosh(0.5*x-y)", "sinh(x+y)", "sigmoid(3*x-y)", "softplus(2*x-y)",
        "log(cosh(x-y))", "(x^2-1)^2+0.1*x", "0.5*(x-y)^2", "cosh(x-y)", "(1-x)^2", "exp(-x*y)",
        "sqrt(1+(x-y)^2)-1",
        "x^3", "x^-2", "x^(-3)", "x^5", "x^7-x^6", "(1+x^2)^0.5", "(1+x^2)^y", "2^x", "x^x^0.5", "(1+x^2)^(x*y)",
        "x/(1+y^2)", "(x+y)/(1+x^2)", "1/x", "y/x^2", "pi*e*x", "sin(x)^2+cos(x)^2+x", "log(sigmoid(x*y))",
        "softplus(-x*y)", "sqrt(exp(x)+y^2)", "tanh(sinh(x/3))*cosh(y)",
    })
    void valueAndDerivativesMatchCentralDifferences(String text) {
        CostExpression c = CostExpression.parse(text);
        SplittableRandom r = Seeds.stream(7, "test-cost-points", text.hashCode());
        for (int t = 0; t < POINTS; t++) {
            double x = (r.nextBoolean() ? 1 : -1) * (0.3 + 1.7 * r.nextDouble());
            double y = 3 * (r.nextDouble() - 0.5);
            if (text.contains("^x") || text.contains("^(x") || text.contains("^y")) {
                x = Math.abs(x);
            }
            checkAt(c, x, y);
        }
    }

    private static void checkAt(CostExpression c, double x, double y) {
        double h = 1e-5 * Math.max(1, Math.abs(x));
        String at = c.spec() + " at (" + x + ", " + y + ")";
        assertThat(c.value(x, y)).as(at).isFinite();
        double fd1 = (c.value(x + h, y) - c.value(x - h, y)) / (2 * h);
        double d1 = c.derivative(x, y);
        double scale1 = Math.max(Math.abs(c.value(x, y)), 1);
        assertClose("dc/dx of " + at, fd1, d1, Tolerances.FINITE_DIFFERENCE_REL * scale1,
                Tolerances.FINITE_DIFFERENCE_REL);
        double fd2 = (c.derivative(x + h, y) - c.derivative(x - h, y)) / (2 * h);
        double d2 = c.secondDerivative(x, y);
        double scale2 = Math.max(Math.abs(d1), 1);
        assertClose("d2c/dx2 of " + at, fd2, d2, Tolerances.FINITE_DIFFERENCE_REL * scale2,
                Tolerances.FINITE_DIFFERENCE_REL);
    }

    /** Random trees over every operator and function: derivatives against central differences where finite. */
    @Test
    void randomTreesMatchCentralDifferences() {
        int checked = 0;
        for (int t = 0; t < 400; t++) {
            SplittableRandom r = Seeds.stream(43, "test-random-tree", t);
            Expr tree = RandomTrees.tree(r, 4);
            if (!RandomTrees.acceptable(tree)) {
                continue;
            }
            CostExpression c = CostExpression.parse(tree.text());
            double x = 0.3 + 1.2 * r.nextDouble();
            double y = 0.3 + 1.2 * r.nextDouble();
            double h = 1e-5;
            double[] probe = {c.value(x - h, y), c.value(x + h, y), c.derivative(x - h, y), c.derivative(x + h, y),
                c.secondDerivative(x, y)};
            if (!allFinite(probe) || Math.abs(c.value(x, y)) > 1e6 || Math.abs(c.secondDerivative(x, y)) > 1e6) {
                continue;
            }
            checkAt(c, x, y);
            checked++;
        }
        assertThat(checked).as("trees checked").isGreaterThan(150);
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void logCoshHasTanhAndSechSquaredAsSymbolicDerivatives() {
        CostExpression c = CostExpression.parse("log(cosh(x-y))");
        assertThat(c.derivativeText()).isEqualTo("tanh(x-y)");
        assertThat(c.secondDerivativeText()).isEqualTo("1-tanh(x-y)^2");
        for (double r = -30; r <= 30; r += 0.75) {
            double t = Math.tanh(r);
            assertThat(c.derivative(r + 1, 1)).isEqualTo(t);
            assertThat(c.secondDerivative(r + 1, 1)).isEqualTo(1 - t * t);
        }
    }

    @Test
    void halfSquaredErrorDifferentiatesToTheResidualExactly() {
        CostExpression c = CostExpression.parse("0.5*(x-y)^2");
        assertThat(c.derivativeText()).isEqualTo("x-y");
        assertThat(c.secondDerivativeText()).isEqualTo("1");
        assertThat(CostExpression.parse("(1-x)^2").secondDerivativeText()).isEqualTo("2");
    }

    @Test
    void closedForms() {
        closedForm("(x^2-1)^2+0.1*x", (x, y) -> 4 * x * (x * x - 1) + 0.1, (x, y) -> 12 * x * x - 4);
        closedForm("cosh(x-y)", (x, y) -> Math.sinh(x - y), (x, y) -> Math.cosh(x - y));
        closedForm("(1-x)^2", (x, y) -> -2 * (1 - x), (x, y) -> 2);
        closedForm("exp(-x*y)", (x, y) -> -y * Math.exp(-x * y), (x, y) -> y * y * Math.exp(-x * y));
        closedForm("sqrt(1+(x-y)^2)-1", (x, y) -> (x - y) / Math.sqrt(1 + (x - y) * (x - y)),
            (x, y) -> Math.pow(1 + (x - y) * (x - y), -1.5));
        closedForm("sigmoid(x)", (x, y) -> sigmoid(x) * (1 - sigmoid(x)),
            (x, y) -> sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)));
        closedForm("softplus(x-y)", (x, y) -> sigmoid(x - y), (x, y) -> sigmoid(x - y) * (1 - sigmoid(x - y)));
        closedForm("sin(x)", (x, y) -> Math.cos(x), (x, y) -> -Math.sin(x));
        closedForm("cos(x)", (x, y) -> -Math.sin(x), (x, y) -> -Math.cos(x));
        closedForm("tanh(x)", (x, y) -> 1 - Math.tanh(x) * Math.tanh(x),
            (x, y) -> -2 * Math.tanh(x) * (1 - Math.tanh(x) * Math.tanh(x)));
        closedForm("log(x)", (x, y) -> 1 / x, (x, y) -> -1 / (x * x));
        closedForm("sqrt(x)", (x, y) -> 0.5 / Math.sqrt(x), (x, y) -> -0.25 * Math.pow(x, -1.5));
        closedForm("x^y", (x, y) -> y * Math.pow(x, y - 1), (x, y) -> y * (y - 1) * Math.pow(x, y - 2));
        closedForm("2^x", (x, y) -> Math.log(2) * Math.pow(2, x), (x, y) -> Math.log(2) * Math.log(2) * Math.pow(2, x));
        closedForm("x^x", (x, y) -> Math.pow(x, x) * (Math.log(x) + 1),
            (x, y) -> Math.pow(x, x) * ((Math.log(x) + 1) * (Math.log(x) + 1) + 1 / x));
    }

    private static void closedForm(String text, DoubleBinaryOperator d1, DoubleBinaryOperator d2) {
        CostExpression c = CostExpression.parse(text);
        SplittableRandom r = Seeds.stream(8, "test-closed-form", text.hashCode());
        for (int t = 0; t < POINTS; t++) {
            double x = 0.2 + 2 * r.nextDouble();
            double y = 3 * (r.nextDouble() - 0.5);
            assertClose("d/dx " + text + " at " + x + "," + y, d1.applyAsDouble(x, y), c.derivative(x, y), 1e-14,
                    1e-13);
            assertClose("d2/dx2 " + text + " at " + x + "," + y, d2.applyAsDouble(x, y), c.secondDerivative(x, y),
                    1e-14, 1e-13);
        }
    }

    private static double sigmoid(double u) {
        return 1 / (1 + Math.exp(-u));
    }

    @Test
    void stableFunctionsStayFiniteFarOut() {
        CostExpression sp = CostExpression.parse("softplus(x)");
        assertThat(sp.value(800, 0)).isEqualTo(800);
        assertThat(sp.derivative(800, 0)).isEqualTo(1);
        assertThat(sp.secondDerivative(800, 0)).isZero();
        assertThat(sp.derivative(-800, 0)).isZero();
        CostExpression lc = CostExpression.parse("log(cosh(x-y))");
        assertThat(lc.derivative(400, 0)).isEqualTo(1);
        assertThat(lc.secondDerivative(400, 0)).isZero();
    }
}
