package org.flowscape.reproduce;

import java.util.List;
import org.flowscape.dynamics.Descent;
import org.flowscape.dynamics.FlowConfig;
import org.flowscape.dynamics.FlowMethod;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.GradientDescent;
import org.flowscape.dynamics.GradientFlow;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.objective.Objective;

/**
 * How a claim integrates the flow, spelled as a run parameter: {@code dopri853} (adaptive, at the tolerances given),
 * {@code rk4:H} (fixed step H) or {@code euler:H} (explicit Euler, i.e. gradient descent with step H: a deliberately
 * crude integrator that the planted-failure tests use).
 *
 * @param spelling the parameter as written
 * @param rtol relative tolerance of the adaptive method
 * @param atol absolute tolerance of the adaptive method
 */
record Integrator(String spelling, double rtol, double atol) {
    /** Integrates from θ0 (read only). */
    FlowResult run(Objective f, double[] theta0, StoppingRule stop, SampleGrid grid, List<StepObserver> observers) {
        String s = spelling.trim();
        if (s.equals("dopri853")) {
            FlowConfig c = FlowConfig.of(FlowMethod.DOPRI853).withTolerances(rtol, atol).withStiffnessCheck(false);
            return GradientFlow.run(f, theta0, c, stop, grid, observers);
        }
        if (s.startsWith("rk4:")) {
            return GradientFlow.run(f, theta0, FlowConfig.rk4(step(s)).withStiffnessCheck(false), stop, grid,
                    observers);
        }
        if (s.startsWith("euler:")) {
            return Descent.run(f, theta0, GradientDescent.constant(step(s)), stop, grid, observers);
        }
        throw new IllegalArgumentException("unknown integrator '" + spelling + "'; use dopri853, rk4:H or euler:H");
    }

    private static double step(String s) {
        return Double.parseDouble(s.substring(s.indexOf(':') + 1));
    }
}
