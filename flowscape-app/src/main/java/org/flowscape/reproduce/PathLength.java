package org.flowscape.reproduce;

import org.flowscape.dynamics.FlowPoint;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.objective.Objective;

/**
 * Sums ‖θ_{k+1} − θ_k‖ over the accepted points of a flow (the polygonal length, a lower bound of ∫‖θ'‖dt that
 * converges to it as the steps shrink), the largest ‖θ‖, and the length after half the final time (the tail). O(P)
 * per step.
 */
final class PathLength implements StepObserver {
    private double[] last;
    private double length;
    private double maxNorm;
    private final double[] atTime = new double[1];
    private final java.util.List<double[]> points = new java.util.ArrayList<>();

    @Override
    public void start(Objective objective, FlowPoint initial) {
        last = initial.theta().clone();
        maxNorm = initial.thetaNorm();
        points.add(new double[] {0, 0});
    }

    @Override
    public void onStep(FlowPoint p) {
        double s = 0;
        double[] th = p.theta();
        for (int i = 0; i < th.length; i++) {
            double d = th[i] - last[i];
            s += d * d;
        }
        length += Math.sqrt(s);
        maxNorm = Math.max(maxNorm, p.thetaNorm());
        System.arraycopy(th, 0, last, 0, th.length);
        atTime[0] = p.time();
        points.add(new double[] {p.time(), length});
    }

    /** The polygonal length of the path. */
    double length() {
        return length;
    }

    /** The largest ‖θ‖₂ met. */
    double maxNorm() {
        return maxNorm;
    }

    /** The length travelled after half the final time. */
    double tail() {
        double half = atTime[0] / 2;
        double before = 0;
        for (double[] q : points) {
            if (q[0] <= half) {
                before = q[1];
            }
        }
        return length - before;
    }
}
