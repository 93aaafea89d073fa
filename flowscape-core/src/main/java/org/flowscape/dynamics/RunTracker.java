package org.flowscape.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * The bookkeeping every run shares: the last accepted point, the stopping conditions and their location inside a
 * step, the dense-output samples and the observers. Integrators call {@link #start} once and {@link #accept} after
 * each accepted step; both return false once the run must stop.
 */
final class RunTracker {
    private static final int ROOT_EVALUATIONS = 200;

    private final Evaluator eval;
    private final StoppingRule rule;
    private final double[] grid;
    private final List<StepObserver> observers;
    private final List<Condition> conditions = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final double[] gLast;
    private final double[] gNext;
    private final boolean events;
    private final double[] scratchTheta;
    private final double[] scratchGrad;
    private final boolean discrete;
    private int nextSample;
    double time;
    final double[] theta;
    final double[] gradient;
    double loss;
    double initialLoss;
    long steps;
    Status status;
    String event = "";

    RunTracker(Evaluator eval, StoppingRule rule, SampleGrid grid, List<StepObserver> observers) {
        this(eval, rule, grid, observers, false);
    }

    /**
     * With {@code discrete}, steps are iterates of a discrete method: conditions fire at the iterate where they
     * first hold (no location inside a step) and a sample time maps to the first iterate at or after it.
     */
    RunTracker(Evaluator eval, StoppingRule rule, SampleGrid grid, List<StepObserver> observers, boolean discrete) {
        this.discrete = discrete;
        this.eval = eval;
        this.rule = rule;
        this.grid = grid.times();
        this.observers = List.copyOf(observers);
        int p = eval.dim;
        this.theta = new double[p];
        this.gradient = new double[p];
        this.scratchTheta = new double[p];
        this.scratchGrad = new double[p];
        if (!Double.isNaN(rule.lossTarget())) {
            double e = rule.lossTarget();
            conditions.add(new Condition("loss<=" + e, Status.LOSS_REACHED, Kind.LOSS, e, null));
        }
        if (!Double.isNaN(rule.gradientTarget())) {
            double g = rule.gradientTarget();
            conditions.add(new Condition("grad<=" + g, Status.GRADIENT_REACHED, Kind.GRADIENT, g, null));
        }
        if (rule.normBound() < Double.POSITIVE_INFINITY) {
            double b = rule.normBound();
            conditions.add(new Condition("|theta|>" + b, Status.NORM_EXCEEDED, Kind.NORM, b, null));
        }
        for (FlowEvent e : rule.events()) {
            conditions.add(new Condition(e.name(), Status.EVENT, Kind.EVENT, Double.NaN, e::g));
        }
        this.gLast = new double[conditions.size()];
        this.gNext = new double[conditions.size()];
        this.events = !rule.events().isEmpty();
    }

    /** Evaluates the initial point, notifies observers; false when a condition already holds at t0. */
    boolean start(double t0, double[] theta0) {
        time = t0;
        System.arraycopy(theta0, 0, theta, 0, theta.length);
        boolean was = eval.auxiliary(false);
        loss = eval.evaluate(theta, gradient);
        eval.auxiliary(was);
        initialLoss = loss;
        FlowPoint p0 = point();
        for (StepObserver o : observers) {
            o.start(eval.objective, p0);
        }
        while (nextSample < grid.length && grid[nextSample] <= t0) {
            samples.add(new Sample(grid[nextSample++], theta, loss, p0.gradientNorm()));
        }
        for (int c = 0; c < conditions.size(); c++) {
            gLast[c] = conditions.get(c).g(p0);
            if (conditions.get(c).oneSided() && gLast[c] <= 0) {
                stop(conditions.get(c));
                return false;
            }
        }
        return true;
    }

    /**
     * Records the accepted step ending at (θ1, L1, ∇L1), locating any stop inside it; false once stopped. Allocates
     * nothing unless there are user events, observers, samples or a stop inside the step.
     */
    boolean accept(StepInterpolant step, double[] theta1, double loss1, double[] grad1) {
        FlowPoint p1 = events ? new FlowPoint(steps + 1, step.endTime(), theta1, loss1, grad1) : null;
        double[] g1 = gNext;
        double tStop = Double.POSITIVE_INFINITY;
        Condition first = null;
        for (int c = 0; c < conditions.size(); c++) {
            Condition cond = conditions.get(c);
            g1[c] = p1 != null ? cond.g(p1) : cond.g(theta1, loss1, grad1);
            boolean fired = cond.oneSided() ? g1[c] <= 0 : crossed(gLast[c], g1[c]);
            if (fired) {
                double t = locate(step, cond, gLast[c], g1[c]);
                if (t < tStop) {
                    tStop = t;
                    first = cond;
                }
            }
        }
        double tEnd = first == null ? step.endTime() : tStop;
        if (nextSample < grid.length && grid[nextSample] <= tEnd) {
            sampleUpTo(step, tEnd, p1 != null ? p1 : new FlowPoint(steps + 1, step.endTime(), theta1, loss1, grad1));
        }
        steps++;
        if (first == null) {
            set(step.endTime(), theta1, loss1, grad1);
            System.arraycopy(g1, 0, gLast, 0, g1.length);
            notifyStep();
            if (time >= rule.horizon()) {
                status = Status.HORIZON_REACHED;
                return false;
            }
            return true;
        }
        if (tStop == step.endTime()) {
            set(step.endTime(), theta1, loss1, grad1);
        } else {
            FlowPoint q = probe(step, tStop);
            set(q.time(), q.theta(), q.loss(), q.gradient());
        }
        notifyStep();
        stop(first);
        return false;
    }

    private static boolean crossed(double g0, double g1) {
        return (g0 < 0 && g1 >= 0) || (g0 > 0 && g1 <= 0);
    }

    private double locate(StepInterpolant step, Condition cond, double g0, double g1) {
        if (g1 == 0 || discrete) {
            return step.endTime();
        }
        BracketingNthOrderBrentSolver solver =
                new BracketingNthOrderBrentSolver(1e-15, rule.eventTimeTolerance(), 1e-300, 5);
        double t0 = step.startTime();
        double t1 = step.endTime();
        AllowedSolution side = cond.oneSided() ? AllowedSolution.BELOW_SIDE : AllowedSolution.ANY_SIDE;
        return solver.solve(ROOT_EVALUATIONS, t -> t == t0 ? g0 : t == t1 ? g1 : cond.g(probe(step, t)),
                t0, t1, side);
    }

    /** The point at t inside the step, evaluated as an auxiliary evaluation into the scratch arrays. */
    private FlowPoint probe(StepInterpolant step, double t) {
        boolean was = eval.auxiliary(true);
        try {
            step.state(t, scratchTheta);
            double l = eval.evaluate(scratchTheta, scratchGrad);
            return new FlowPoint(steps + 1, t, scratchTheta, l, scratchGrad);
        } finally {
            eval.auxiliary(was);
        }
    }

    private void sampleUpTo(StepInterpolant step, double tEnd, FlowPoint end) {
        if (discrete) {
            boolean any = false;
            while (nextSample < grid.length && grid[nextSample] <= tEnd) {
                nextSample++;
                any = true;
            }
            if (any) {
                samples.add(new Sample(end.time(), end.theta(), end.loss(), end.gradientNorm()));
            }
            return;
        }
        while (nextSample < grid.length && grid[nextSample] <= tEnd) {
            double t = grid[nextSample++];
            FlowPoint q = t == end.time() ? end : probe(step, t);
            samples.add(new Sample(t, q.theta(), q.loss(), q.gradientNorm()));
        }
    }

    private void set(double t, double[] theta1, double loss1, double[] grad1) {
        time = t;
        System.arraycopy(theta1, 0, theta, 0, theta.length);
        System.arraycopy(grad1, 0, gradient, 0, gradient.length);
        loss = loss1;
    }

    private void stop(Condition cond) {
        status = cond.status;
        event = cond.name;
    }

    /** Ends the run with a halt raised inside a step; the last accepted point stays the result. */
    void halt(Evaluator.Halt halt) {
        status = halt.status;
        event = halt.getMessage();
    }

    /** Ends the run with {@code s} (e.g. a step-size underflow) at the last accepted point. */
    void end(Status s, String why) {
        status = s;
        event = why;
    }

    /** The stopping rule of this run. */
    StoppingRule rule() {
        return rule;
    }

    /** The last accepted point as a view. */
    FlowPoint point() {
        return new FlowPoint(steps, time, theta, loss, gradient);
    }

    private void notifyStep() {
        if (!observers.isEmpty()) {
            FlowPoint p = point();
            for (StepObserver o : observers) {
                o.onStep(p);
            }
        }
    }

    /** Tells observers the run is over and assembles the result. */
    FlowResult finish(String method, String choice, long rejected, double rtol, double atol, double stepSize,
            String warning) {
        FlowPoint last = point();
        for (StepObserver o : observers) {
            o.finish(last);
        }
        return new FlowResult(method, choice, status, time, steps, rejected, eval.gradientCalls, eval.auxiliaryCalls,
                eval.hessianCalls, theta, loss, last.gradientNorm(), initialLoss, event, rtol, atol, stepSize,
                warning, samples);
    }

    /** The built-in stopping conditions, evaluated from the step's arrays without a {@link FlowPoint}. */
    private enum Kind { LOSS, GRADIENT, NORM, EVENT }

    /** A stopping condition g; it fires where g reaches 0 (one-sided: g ≤ 0), g &gt; 0 before. */
    private record Condition(String name, Status status, Kind kind, double level, ToDoubleFunction<FlowPoint> event) {
        boolean oneSided() {
            return kind != Kind.EVENT;
        }

        double g(FlowPoint p) {
            return kind == Kind.EVENT ? event.applyAsDouble(p) : g(p.theta(), p.loss(), p.gradient());
        }

        double g(double[] theta, double loss, double[] gradient) {
            return switch (kind) {
                case LOSS -> loss - level;
                case GRADIENT -> org.flowscape.linalg.Vectors.norm2(gradient) - level;
                case NORM -> level - org.flowscape.linalg.Vectors.norm2(theta);
                case EVENT -> throw new IllegalStateException("an event needs the whole point");
            };
        }
    }
}
