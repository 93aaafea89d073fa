/**
 * Gradient flow θ' = −∇L(θ) as an ODE and the discrete optimizers that approximate it, with observers of a
 * trajectory (monitors of loss, norms, conserved quantities, NTK, sharpness, PL ratio) and analyses of the result
 * (rate fits with their predictions, descent versus flow, the product-model analytics of paper A).
 *
 * <p>Entry points: {@link org.flowscape.dynamics.GradientFlow#run} for the flow (Dormand–Prince 8(5,3) and 5(4)
 * from Hipparchus, fixed-step RK4, and our Rosenbrock stepper for stiff flows),
 * {@link org.flowscape.dynamics.Descent#run} for gradient descent, heavy ball, Nesterov and Adam. Both return a
 * {@link org.flowscape.dynamics.FlowResult} whose {@link org.flowscape.dynamics.Status} says how the run ended:
 * divergence and limits are outcomes, not exceptions.
 *
 * <p>Depends on {@code linalg}, {@code model}, {@code objective} and Hipparchus; never on files, the CLI or plotting.
 */
package org.flowscape.dynamics;
