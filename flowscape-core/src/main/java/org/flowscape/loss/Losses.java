package org.flowscape.loss;

import java.util.Locale;
import org.flowscape.loss.expr.CostExpression;

/**
 * Parses loss spellings ({@code docs/CLI.md}): {@code mse} (½·mean, the default), {@code mse-mean}, {@code frobenius}
 * (½‖F − Y‖²_F, no mean), {@code xent}, {@code cost:EXPR} (mean over samples of Σ_outputs EXPR(x, y)) and
 * {@code cost-sum:EXPR} (summed over samples).
 */
public final class Losses {
    /** All accepted spellings, for messages. */
    public static final String NAMES = "mse, mse-mean, frobenius, xent, cost:EXPR, cost-sum:EXPR";

    private Losses() {
    }

    /** The default loss, {@code mse}. */
    public static Loss mse() {
        return new SquaredError(SquaredError.Normalization.HALF_MEAN);
    }

    /**
     * Parses a loss spelling.
     *
     * @throws IllegalArgumentException naming the accepted spellings (or the expression's error) when invalid
     */
    public static Loss parse(String spec) {
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cost:")) {
            return new EntrywiseCost(CostExpression.parse(s.substring(5)), true);
        }
        if (lower.startsWith("cost-sum:")) {
            return new EntrywiseCost(CostExpression.parse(s.substring(9)), false);
        }
        return switch (lower) {
            case "mse" -> mse();
            case "mse-mean" -> new SquaredError(SquaredError.Normalization.MEAN);
            case "frobenius", "matrix" -> new SquaredError(SquaredError.Normalization.HALF_SUM);
            case "xent", "cross-entropy" -> new SoftmaxCrossEntropy();
            default -> throw new IllegalArgumentException("unknown loss '" + spec + "'; use one of " + NAMES);
        };
    }
}
