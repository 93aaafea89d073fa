package org.flowscape.experiment.analyses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.dynamics.BalanceMonitor;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.NtkMonitor;
import org.flowscape.dynamics.ProductModel;
import org.flowscape.dynamics.RatePredictions;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.model.ParameterBlock;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.objective.Objective;

/** The rate predictions {@code flowscape flow} prints beside the fitted rate (all rates of L − L* per unit time). */
public final class FlowPredictions {
    /** The dense Hessian for the predictions is formed up to this many parameters. */
    public static final int MAX_PREDICTION_DIM = 2000;
    private static final String LAMBDA_MIN_PLUS = "2 lambda_min+(H) at the end (smallest positive)";
    private static final String PRODUCT = "2 f''(z*) sqrt(c + 4 z*^2) (product model)";
    private static final String DESCENT_RATE = "descent rate -ln(factor)/eta";

    private FlowPredictions() {
    }

    /**
     * The predicted rates at the end of {@code r}: 2λ_min(H) and 2λ_min⁺(H) (dense, P ≤ {@link #MAX_PREDICTION_DIM}),
     * the NTK bound when that monitor ran, the product-model rate, and the descent factor for gd.
     *
     * @param theta0 the initial point (read only)
     * @param optimum L*
     */
    public static Map<String, Double> of(Objective f, FlowResult r, Map<String, StepObserver> monitors,
            double[] theta0, double optimum) {
        Map<String, Double> out = new LinkedHashMap<>();
        boolean dense = f.dim() <= MAX_PREDICTION_DIM && !r.diverged();
        if (dense) {
            double[] h = RatePredictions.hessian(f, r.theta());
            out.put("2 lambda_min(H) at the end", h[0]);
            out.put(LAMBDA_MIN_PLUS, h[1]);
        }
        if (monitors.get("ntk") instanceof NtkMonitor n) {
            out.put("2 s inf lambda_min(K) (NTK bound)", n.guaranteedRate());
        }
        double product = product(f, theta0);
        if (Double.isFinite(product)) {
            out.put(PRODUCT, product);
        }
        if ("gd".equals(r.method()) && Double.isFinite(r.stepSize()) && dense) {
            int p = f.dim();
            double[] h = f.hessian(r.theta(), new double[p * p]);
            double q = RatePredictions.descentFactor(SymmetricEigen.values(new Matrix(p, p, h)).values(),
                    r.stepSize());
            out.put("descent factor max_j (1 - eta lambda_j)^2 per step", q);
            out.put(DESCENT_RATE, RatePredictions.perTime(q, r.stepSize()));
        }
        return out;
    }

    /**
     * The one prediction a report draws beside the fitted rate ({@code rate_predicted}): the descent rate for gd,
     * else the product-model rate where it applies, else 2λ_min⁺(H) at the end; NaN when none was computed.
     */
    public static double headline(Map<String, Double> predictions) {
        for (String k : List.of(DESCENT_RATE, PRODUCT, LAMBDA_MIN_PLUS)) {
            Double v = predictions.get(k);
            if (v != null) {
                return v;
            }
        }
        return Double.NaN;
    }

    /**
     * The vector product model w2·w1 on one sample with squared error; NaN for any other problem (weight decay
     * included).
     */
    private static double product(Objective objective, double[] theta0) {
        if (!(objective instanceof EmpiricalRisk f)) {
            return Double.NaN;
        }
        List<ParameterBlock> w;
        try {
            w = BalanceMonitor.weightBlocks(f.layout());
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
        if (w.size() != 2 || w.get(0).cols() != 1 || w.get(1).rows() != 1 || f.data().size() != 1) {
            return Double.NaN;
        }
        double scale = switch (f.loss().spec()) {
            case "frobenius", "matrix", "mse" -> 1.0;
            case "mse-mean" -> 2.0;
            default -> Double.NaN;
        };
        int k = w.get(0).rows();
        double[] w1 = java.util.Arrays.copyOfRange(theta0, w.get(0).offset(), w.get(0).offset() + k);
        double[] w2 = java.util.Arrays.copyOfRange(theta0, w.get(1).offset(), w.get(1).offset() + k);
        double x = f.data().inputs().data()[0];
        double y = f.data().targets().data()[0];
        double zStar = y / x;
        return RatePredictions.product(scale * x * x, ProductModel.imbalance(w1, w2), zStar);
    }
}
