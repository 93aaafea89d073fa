package org.flowscape.dynamics;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A stopping event: the run stops where the switching function g changes sign between two accepted points; flows
 * then locate the crossing inside the step by a bracketing root finder on the dense output. Example: "the product
 * reaches z1" is {@code FlowEvent.of("z=2.9", p -> p.theta()[0] * p.theta()[1] - 2.9)}.
 *
 * @param name     reported in the result
 * @param function g(point); read the point's arrays only
 */
public record FlowEvent(String name, ToDoubleFunction<FlowPoint> function) {
    public FlowEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
    }

    /** An event named {@code name} with switching function {@code g}. */
    public static FlowEvent of(String name, ToDoubleFunction<FlowPoint> g) {
        return new FlowEvent(name, g);
    }

    /** g at {@code point}. */
    public double g(FlowPoint point) {
        return function.applyAsDouble(point);
    }
}
