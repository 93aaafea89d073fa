/**
 * Backends behind {@link org.flowscape.linalg.Blas}: native OpenBLAS (bytedeco presets) and the pure-Java
 * fallback. Not API: reach them through {@link org.flowscape.linalg.LinearAlgebra}.
 */
package org.flowscape.linalg.internal;
