package org.flowscape.analysis;

import static org.flowscape.analysis.IntervalMath.down;
import static org.flowscape.analysis.IntervalMath.libDown;
import static org.flowscape.analysis.IntervalMath.libUp;
import static org.flowscape.analysis.IntervalMath.mulHi;
import static org.flowscape.analysis.IntervalMath.mulLo;
import static org.flowscape.analysis.IntervalMath.sqrHi;
import static org.flowscape.analysis.IntervalMath.sqrLo;
import static org.flowscape.analysis.IntervalMath.up;

import java.util.Locale;
import org.flowscape.model.Activation;

/**
 * Interval enclosures of ψ, ψ' and ψ'' over an interval [z] for the activations the certification can bound:
 * identity, tanh, sigmoid, algebraic_sigmoid, softplus, exp, sin and poly(…). Monotone functions take their end
 * values (widened for library error); the derivatives are evaluated through identities in ψ itself (tanh' = 1 − t²,
 * σ' = σ(1 − σ), …) in interval arithmetic, which encloses them without needing their monotonicity.
 */
abstract class ActivationRange {

    /** Writes [ψ], [ψ'], [ψ''] over [zlo, zhi] into out[0..5]. */
    abstract void evaluate(double zlo, double zhi, double[] out);

    /** The range object for {@code act}, or null when it cannot be bounded here. */
    static ActivationRange of(Activation act) {
        String s = act.spec().toLowerCase(Locale.ROOT);
        if (s.startsWith("poly(")) {
            String[] parts = s.substring(5, s.length() - 1).split(",");
            double[] c = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                c[i] = Double.parseDouble(parts[i].trim());
            }
            return new Poly(c);
        }
        return switch (s) {
            case "identity" -> new Identity();
            case "tanh" -> new Tanh();
            case "sigmoid" -> new Sigmoid(false);
            case "softplus" -> new Sigmoid(true);
            case "exp" -> new Exp();
            case "algebraic_sigmoid" -> new Algebraic();
            case "sin" -> new Sin();
            default -> null;
        };
    }

    private static final class Identity extends ActivationRange {
        @Override
        void evaluate(double zlo, double zhi, double[] out) {
            out[0] = zlo;
            out[1] = zhi;
            out[2] = 1;
            out[3] = 1;
            out[4] = 0;
            out[5] = 0;
        }
    }

    private static final class Tanh extends ActivationRange {
        @Override
        void evaluate(double zlo, double zhi, double[] out) {
            double tlo = Math.max(-1, libDown(Math.tanh(zlo)));
            double thi = Math.min(1, libUp(Math.tanh(zhi)));
            out[0] = tlo;
            out[1] = thi;
            double dlo = Math.max(0, down(1 - sqrHi(tlo, thi)));
            double dhi = up(1 - sqrLo(tlo, thi));
            out[2] = dlo;
            out[3] = dhi;
            out[4] = down(-2 * mulHi(tlo, thi, dlo, dhi));
            out[5] = up(-2 * mulLo(tlo, thi, dlo, dhi));
        }
    }

    /** The logistic σ (value) or softplus (whose derivative is σ). */
    private static final class Sigmoid extends ActivationRange {
        private final boolean softplus;

        Sigmoid(boolean softplus) {
            this.softplus = softplus;
        }

        private static double logistic(double z) {
            return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        }

        private static double softplusValue(double z) {
            return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }

        @Override
        void evaluate(double zlo, double zhi, double[] out) {
            double slo = Math.max(0, libDown(logistic(zlo)));
            double shi = Math.min(1, libUp(logistic(zhi)));
            // σ(1 − σ) and σ(1 − σ)(1 − 2σ) in interval arithmetic
            double omlo = down(1 - shi);
            double omhi = up(1 - slo);
            double dlo = Math.max(0, mulLo(slo, shi, omlo, omhi));
            double dhi = mulHi(slo, shi, omlo, omhi);
            if (softplus) {
                out[0] = Math.max(0, libDown(softplusValue(zlo)));
                out[1] = libUp(softplusValue(zhi));
                out[2] = slo;
                out[3] = shi;
                out[4] = dlo;
                out[5] = dhi;
                return;
            }
            out[0] = slo;
            out[1] = shi;
            out[2] = dlo;
            out[3] = dhi;
            double tlo = down(1 - 2 * shi);
            double thi = up(1 - 2 * slo);
            out[4] = mulLo(dlo, dhi, tlo, thi);
            out[5] = mulHi(dlo, dhi, tlo, thi);
        }
    }

    private static final class Exp extends ActivationRange {
        @Override
        void evaluate(double zlo, double zhi, double[] out) {
            double lo = Math.max(0, libDown(Math.exp(zlo)));
            double hi = libUp(Math.exp(zhi));
            for (int i = 0; i < 3; i++) {
                out[2 * i] = lo;
                out[2 * i + 1] = hi;
            }
        }
    }

    /** z/√(1 + z²): ψ' = q³, ψ'' = −3 z q⁵ with q = 1/√(1 + z²). */
    private static final class Algebraic extends ActivationRange {
        @Override
        void evaluate(double zlo, double zhi, double[] out) {
            out[0] = libDown(zlo / Math.sqrt(1 + zlo * zlo));
            out[1] = libUp(zhi / Math.sqrt(1 + zhi * zhi));
            double slo = down(Math.sqrt(down(1 + sqrLo(zlo, zhi))));
            double shi = up(Math.sqrt(up(1 + sqrHi(zlo, zhi))));
            double qlo = down(1 / shi);
            double qhi = up(1 / slo);
            double q3lo = down(down(qlo * qlo) * qlo);
            double q3hi = up(up(qhi * qhi) * qhi);
            out[2] = q3lo;
            out[3] = q3hi;
            double q5lo = down(q3lo * down(qlo * qlo));
            double q5hi = up(q3hi * up(qhi * qhi));
            double zq5lo = mulLo(zlo, zhi, q5lo, q5hi);
            double zq5hi = mulHi(zlo, zhi, q5lo, q5hi);
            out[4] = down(-3 * zq5hi);
            out[5] = up(-3 * zq5lo);
        }
    }

    /** sin, cos, −sin, with the extrema of each period included when the interval (plus a margin) reaches them. */
    private static final class Sin extends ActivationRange {
        @Override
        void evaluate(double zlo, double zhi, double[] out) {
            sinRange(zlo, zhi, 0, out, 0);
            sinRange(zlo, zhi, 1, out, 2);
            out[4] = -out[1];
            out[5] = -out[0];
        }

        /** Range of sin (shift 0) or cos (shift 1) over [lo, hi] into out[at], out[at + 1]. */
        private static void sinRange(double lo, double hi, int shift, double[] out, int at) {
            double a = shift == 0 ? Math.sin(lo) : Math.cos(lo);
            double b = shift == 0 ? Math.sin(hi) : Math.cos(hi);
            double rlo = Math.max(-1, libDown(Math.min(a, b)));
            double rhi = Math.min(1, libUp(Math.max(a, b)));
            double margin = 1e-9 * (1 + Math.abs(lo) + Math.abs(hi));
            if (hi - lo >= 2 * Math.PI - margin) {
                out[at] = -1;
                out[at + 1] = 1;
                return;
            }
            // maxima of sin at π/2 + 2kπ, of cos at 2kπ; minima half a period later
            double maxAt = shift == 0 ? Math.PI / 2 : 0;
            if (reaches(lo, hi, maxAt, margin)) {
                rhi = 1;
            }
            if (reaches(lo, hi, maxAt + Math.PI, margin)) {
                rlo = -1;
            }
            out[at] = rlo;
            out[at + 1] = rhi;
        }

        private static boolean reaches(double lo, double hi, double phase, double margin) {
            double k = Math.floor((lo - phase) / (2 * Math.PI));
            for (int j = 0; j < 3; j++) {
                double x = phase + 2 * Math.PI * (k + j);
                if (x >= lo - margin && x <= hi + margin) {
                    return true;
                }
            }
            return false;
        }
    }

    /** c0 + c1 z + … by interval Horner's rule for p, p', p''. */
    private static final class Poly extends ActivationRange {
        private final double[] c;

        Poly(double[] c) {
            this.c = c;
        }

        @Override
        void evaluate(double zlo, double zhi, double[] out) {
            int m = c.length - 1;
            double plo = c[m];
            double phi = c[m];
            double dlo = 0;
            double dhi = 0;
            double ddlo = 0;
            double ddhi = 0;
            for (int j = m - 1; j >= 0; j--) {
                double nddlo = down(mulLo(ddlo, ddhi, zlo, zhi) + down(2 * dlo));
                double nddhi = up(mulHi(ddlo, ddhi, zlo, zhi) + up(2 * dhi));
                double ndlo = down(mulLo(dlo, dhi, zlo, zhi) + plo);
                double ndhi = up(mulHi(dlo, dhi, zlo, zhi) + phi);
                double nplo = down(mulLo(plo, phi, zlo, zhi) + c[j]);
                double nphi = up(mulHi(plo, phi, zlo, zhi) + c[j]);
                ddlo = nddlo;
                ddhi = nddhi;
                dlo = ndlo;
                dhi = ndhi;
                plo = nplo;
                phi = nphi;
            }
            out[0] = plo;
            out[1] = phi;
            out[2] = dlo;
            out[3] = dhi;
            out[4] = ddlo;
            out[5] = ddhi;
        }
    }
}
