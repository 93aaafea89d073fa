package org.flowscape.loss.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The interval enclosures of a closed-form model contain the value, gradient and Hessian at every sampled point of
 * the box (soundness of the census), and are exact on points (degenerate boxes enclose the point value).
 */
class ParameterExpressionEnclosureTest {
    static final String[] EXPRESSIONS = {
        "sin(p1)*cos(p2)+tanh(p1*p3)+log(cosh(p2-p3))+sqrt(1+p1^2)+sigmoid(p3)*softplus(p1)+sinh(p2)/exp(p3)"
            + "+(1+p2^2)^1.5+(2+p3^2)^p1",
        "-200*exp(-(p1-1)^2-10*p2^2)-170*exp(-6.5*(p1+0.5)^2+11*(p1+0.5)*(p2-1.5)-6.5*(p2-1.5)^2)+p3^4-p3^3",
        "cos(3*p1)*sin(2*p2)+p1^-2+p3^5"};

    @Test
    void enclosuresContainEverySampledValue() {
        SplittableRandom r = Seeds.stream(3, "enclosure-test");
        for (String text : EXPRESSIONS) {
            ParameterExpression e = ParameterExpression.parse(text);
            int n = e.dim();
            for (int b = 0; b < 200; b++) {
                double[] lo = new double[n];
                double[] hi = new double[n];
                for (int i = 0; i < n; i++) {
                    double c = 0.3 + 2 * r.nextDouble();
                    double w = Math.pow(10, -4 * r.nextDouble());
                    lo[i] = c - w;
                    hi[i] = c + w;
                }
                double[] v = e.encloseValue(lo, hi);
                double[] g = new double[2 * n];
                double[] h = new double[2 * n * n];
                e.encloseGradient(lo, hi, g);
                e.encloseHessian(lo, hi, h);
                for (int s = 0; s < 20; s++) {
                    double[] x = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = s == 0 ? lo[i] : s == 1 ? hi[i] : lo[i] + r.nextDouble() * (hi[i] - lo[i]);
                    }
                    assertThat(e.value(x)).as("%s at %s", text, java.util.Arrays.toString(x)).isBetween(v[0], v[1]);
                    double[] gx = new double[n];
                    e.gradient(x, gx);
                    double[] hx = new double[n * n];
                    e.hessian(x, hx);
                    for (int i = 0; i < n; i++) {
                        assertThat(gx[i]).isBetween(g[2 * i], g[2 * i + 1]);
                    }
                    for (int i = 0; i < n * n; i++) {
                        assertThat(hx[i]).isBetween(h[2 * i], h[2 * i + 1]);
                    }
                }
            }
        }
    }

    @Test
    void aDomainViolationEnclosesToTheWholeLine() {
        ParameterExpression e = ParameterExpression.parse("log(p1)+sqrt(p2)");
        assertThat(e.encloseValue(new double[] {-1, 1}, new double[] {1, 2}))
                .containsExactly(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        double[] v = e.encloseValue(new double[] {Math.E, 4}, new double[] {Math.E, 4});
        assertThat(v[0]).isLessThanOrEqualTo(3).isGreaterThan(2.999999);
        assertThat(v[1]).isGreaterThanOrEqualTo(3).isLessThan(3.000001);
    }

    @Test
    void sineEnclosureReachesItsExtremaInsideTheInterval() {
        ParameterExpression e = ParameterExpression.parse("sin(p1)");
        assertThat(e.encloseValue(new double[] {1}, new double[] {2})[1]).isEqualTo(1);
        assertThat(e.encloseValue(new double[] {4}, new double[] {5})[0]).isEqualTo(-1);
        double[] narrow = e.encloseValue(new double[] {0.1}, new double[] {0.2});
        assertThat(narrow[0]).isLessThanOrEqualTo(Math.sin(0.1)).isGreaterThan(0.0998);
        assertThat(narrow[1]).isGreaterThanOrEqualTo(Math.sin(0.2)).isLessThan(0.1988);
    }
}
