package org.flowscape.loss.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.flowscape.loss.EntrywiseCost;
import org.flowscape.loss.Loss;
import org.flowscape.loss.Losses;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grammar, precedence, numbers, constants, simplification and the round trip of the spelling. */
class CostExpressionParseTest {

    /** Each row: input, the simplified tree rendered with minimal parentheses. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "x+y*x        | x+y*x",
        "(x+y)*x      | (x+y)*x",
        "x-y-2*x      | x-y-2*x",
        "x-(y-x)      | x-(y-x)",
        "x/y/x        | x/y/x",
        "x/(y/x)      | x/(y/x)",
        "x*y/x        | x*y/x",
        "-x^2         | -x^2",
        "(-x)^2       | (-x)^2",
        "x^y^x        | x^y^x",
        "(x^y)^x      | (x^y)^x",
        "x^-y         | x^-y",
        "-x*y         | -(x*y)",
        "x*-y         | -(x*y)",
        "--x          | x",
        "+x           | x",
        "x^2^3        | x^8",
        "2*x^2        | 2*x^2",
        "x+0          | x",
        "0+x          | x",
        "x-0          | x",
        "0-x          | -x",
        "1*x          | x",
        "x*1          | x",
        "x*2          | 2*x",
        "0*y+x        | x",
        "x/1          | x",
        "2*(3*x)      | 6*x",
        "x+-y         | x-y",
        "x--y         | x+y",
        "x^1          | x",
        "x^(1/2)      | x^0.5",
        "x^(4/2)      | x^2",
        "x^(-2)       | x^(-2)",
        "x + 2*3 - 1  | x+6-1",
        "sinh(x)/cosh(x) | tanh(x)",
        "  log( cosh( x - y ) )  | log(cosh(x-y))",
    })
    void precedenceAndSimplification(String input, String rendered) {
        CostExpression c = CostExpression.parse(input);
        assertThat(c.valueText()).isEqualTo(rendered);
        assertThat(CostExpression.parse(rendered).valueTree()).as("render parses back").isEqualTo(c.valueTree());
    }

    /** Each row: input, x, y, value computed by hand. */
    @ParameterizedTest(name = "{0} at ({1}, {2}) = {3}")
    @CsvSource({
        "x-2^2, 0, 0, -4",
        "x-(-2)^2, 0, 0, -4",
        "x+2^3^2, 0, 0, 512",
        "x+2^-1, 0, 0, 0.5",
        "x+1-2-3, 0, 0, -4",
        "x+8/4/2, 0, 0, 1",
        "x+2*3+4*5, 0, 0, 26",
        "x-x*y, 3, 2, -3",
        "x^2, -3, 0, 9",
        "x^3, -2, 0, -8",
        "x^5, -2, 0, -32",
        "x^(-3), -2, 0, -0.125",
        "x^4, -1.5, 0, 5.0625",
        "x^0.5, 4, 0, 2",
        "x^0.5, -4, 0, NaN",
        "log(x), -1, 0, NaN",
        "sqrt(x), -1, 0, NaN",
        "x^y, -2, 2, NaN",
        "x^y, 2, 3, 8",
        "x*1e-3, 2, 0, 0.002",
        "x*.5, 2, 0, 1",
        "x*1.5E+2, 1, 0, 150",
        "x*2., 3, 0, 6",
        "x*e, 1, 0, 2.718281828459045",
        "x*pi, 1, 0, 3.141592653589793",
        "(1-x)^2, 3, 0, 4",
        "exp(-x*y), 1, 0, 1",
        "sigmoid(x), 0, 0, 0.5",
        "softplus(x), 0, 0, 0.6931471805599453",
        "softplus(x), 1000, 0, 1000",
        "softplus(x), -1000, 0, 0",
        "sigmoid(x), -1000, 0, 0",
        "sigmoid(x), 1000, 0, 1",
    })
    void evaluatesByHand(String input, double x, double y, double expected) {
        double v = CostExpression.parse(input).value(x, y);
        if (Double.isNaN(expected)) {
            assertThat(v).isNaN();
        } else {
            assertThat(v).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15 * Math.max(1, Math.abs(
                    expected))));
        }
    }

    @Test
    void specIsTheTrimmedOriginalText() {
        assertThat(CostExpression.parse("  log(cosh( x-y ))\n").spec()).isEqualTo("log(cosh( x-y ))");
        Loss loss = Losses.parse("cost:log(cosh(x-y))");
        assertThat(loss.spec()).isEqualTo("cost:log(cosh(x-y))");
        assertThat(Losses.parse(loss.spec()).spec()).isEqualTo(loss.spec());
        assertThat(Losses.parse("cost-sum:0.5*(x-y)^2").spec()).isEqualTo("cost-sum:0.5*(x-y)^2");
        assertThat(((EntrywiseCost) loss).cost()).isInstanceOf(CostExpression.class);
        assertThat(CostExpression.parse("x*2").toString()).isEqualTo("x*2");
    }

    @Test
    void integerPowersEqualRepeatedProductsForNegativeBases() {
        SplittableRandom r = Seeds.stream(41, "test-intpow");
        for (int t = 0; t < 200; t++) {
            double a = 4 * (r.nextDouble() - 0.5);
            for (int n = -6; n <= 6; n++) {
                double product = 1;
                for (int i = 0; i < Math.abs(n); i++) {
                    product *= a;
                }
                double expected = n < 0 ? 1 / product : product;
                double actual = Expr.IntPow.power(a, n);
                assertThat(actual).as("%s^%d", a, n).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(1e-14 * Math.abs(expected)));
            }
        }
    }

    /** Random trees rendered to text parse back to equal trees and evaluate identically. */
    @Test
    void renderedRandomTreesParseBackToEqualTrees() {
        int checked = 0;
        for (int t = 0; t < 300; t++) {
            SplittableRandom r = Seeds.stream(42, "test-random-tree", t);
            Expr tree = RandomTrees.tree(r, 5);
            if (!RandomTrees.acceptable(tree)) {
                continue;
            }
            Expr back = CostExpression.parse(tree.text()).valueTree();
            assertThat(back).as("trial %d: %s", t, tree.text()).isEqualTo(tree);
            checked++;
        }
        assertThat(checked).as("trees checked").isGreaterThan(100);
    }
}
