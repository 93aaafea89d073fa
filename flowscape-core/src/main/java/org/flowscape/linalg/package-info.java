/**
 * Dense linear algebra: vector kernels ({@link org.flowscape.linalg.Vectors}), the row-major
 * {@link org.flowscape.linalg.Matrix}, and a thin adapter over native OpenBLAS/LAPACK
 * ({@link org.flowscape.linalg.LinearAlgebra}, {@link org.flowscape.linalg.Blas}) with symmetric eigen- and singular
 * value decompositions. Depends on nothing else in Flowscape.
 */
package org.flowscape.linalg;
