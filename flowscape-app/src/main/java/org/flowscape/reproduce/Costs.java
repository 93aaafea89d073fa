package org.flowscape.reproduce;

import org.flowscape.data.Datasets;
import org.flowscape.loss.EntrywiseCost;
import org.flowscape.loss.Losses;
import org.flowscape.loss.ScalarCost;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;

/**
 * The scalar costs of paper A's checks (theory.md F.2), as {@code cost-sum:EXPR} losses of the prediction x against
 * the target y = {@value #TARGET}: proper and real analytic. The quartic carries a quadratic term so that its minimum
 * is non-degenerate (a pure quartic converges only sub-linearly, which would make "converged" a matter of horizon).
 */
enum Costs {
    /** ½(x − y)². */
    QUADRATIC("quadratic", "0.5*(x-y)^2"),
    /** log cosh(x − y): grows linearly, still proper. */
    LOG_COSH("log-cosh", "log(cosh(x-y))"),
    /** ¼(x − y)⁴ + ½(x − y)². */
    QUARTIC("quartic", "0.25*(x-y)^4+0.5*(x-y)^2"),
    /** (x² − 1)² + 0.1x: two minima, the global one near −1; f'(0) = 0.1 &gt; 0. */
    DOUBLE_WELL("double-well", "(x^2-1)^2+0.1*x");

    /** The scalar target of the product problems. */
    static final double TARGET = 3;
    /** The data of the scalar problems: X = [1], Y = [3]. */
    static final String SCALAR_DATA = "identity:1,target=[[3]]";

    private final String label;
    private final String expression;

    Costs(String label, String expression) {
        this.label = label;
        this.expression = expression;
    }

    /** A short name for records and legends. */
    String label() {
        return label;
    }

    /** The loss spec, {@code cost-sum:EXPR}. */
    String loss() {
        return "cost-sum:" + expression;
    }

    /** The cost as a scalar function with derivatives. */
    ScalarCost scalar() {
        return ((EntrywiseCost) Losses.parse(loss())).cost();
    }

    /** The objective of {@code model} on {@code data} with this cost. */
    EmpiricalRisk risk(String model, String data) {
        return risk(model, data, loss());
    }

    /** The objective of a model, data and loss spec. */
    static EmpiricalRisk risk(String model, String data, String loss) {
        return new EmpiricalRisk(Models.parse(model), Losses.parse(loss), Datasets.parse(data));
    }
}
