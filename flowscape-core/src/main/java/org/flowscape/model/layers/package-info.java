/**
 * Models as sequences of layers ({@code layers:} specs): dense layers, activations as layers of their own, 1-D and
 * 2-D convolutions, average pooling, flatten and residual blocks, each with its batched forward pass, backward pass
 * and forward-over-reverse (R-operator) pass ({@link org.flowscape.model.layers.LayerPass}), composed by
 * {@link org.flowscape.model.layers.LayerSequence} into a {@link org.flowscape.model.layers.LayerModel}; the unit
 * symmetries the layers declare; and the spec parser. Depends on {@code linalg}, {@code rng} and {@code model}.
 */
package org.flowscape.model.layers;
