package org.flowscape.dynamics;

import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.Objective;

/**
 * Test objective L(θ) = ½(θ − θ*)ᵀA(θ − θ*) with symmetric A, whose gradient flow is exactly
 * θ(t) = θ* + exp(−tA)(θ0 − θ*).
 */
final class Quadratic implements Objective {
    private final double[] a;
    private final double[] center;
    private final int p;

    Quadratic(Matrix a, double[] center) {
        this.p = center.length;
        this.a = a.data().clone();
        this.center = center.clone();
    }

    /** A diagonal quadratic with the given eigenvalues, rotated by a fixed orthogonal matrix (a Householder). */
    static Quadratic withSpectrum(double[] eigenvalues, double[] center) {
        int p = eigenvalues.length;
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            v[i] = 1 + i;
        }
        double vv = org.flowscape.linalg.Vectors.dot(v, v);
        double[] q = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                q[i * p + j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / vv;
            }
        }
        double[] m = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += q[i * p + k] * eigenvalues[k] * q[j * p + k];
                }
                m[i * p + j] = s;
            }
        }
        return new Quadratic(new Matrix(p, p, m), center);
    }

    /** θ(t) = θ* + exp(−tA)(θ0 − θ*). */
    double[] exactFlow(double[] theta0, double t) {
        SymmetricEigen eig = SymmetricEigen.decompose(new Matrix(p, p, a.clone()));
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            d[i] = theta0[i] - center[i];
        }
        double[] out = center.clone();
        for (int j = 0; j < p; j++) {
            double[] vj = eig.vector(j);
            double coef = org.flowscape.linalg.Vectors.dot(vj, d) * Math.exp(-t * eig.values()[j]);
            org.flowscape.linalg.Vectors.axpy(coef, vj, out);
        }
        return out;
    }

    /** θ_k = θ* + (I − ηA)^k (θ0 − θ*): the descent iterates in closed form. */
    double[] exactDescent(double[] theta0, double eta, int k) {
        SymmetricEigen eig = SymmetricEigen.decompose(new Matrix(p, p, a.clone()));
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            d[i] = theta0[i] - center[i];
        }
        double[] out = center.clone();
        for (int j = 0; j < p; j++) {
            double[] vj = eig.vector(j);
            double coef = org.flowscape.linalg.Vectors.dot(vj, d) * Math.pow(1 - eta * eig.values()[j], k);
            org.flowscape.linalg.Vectors.axpy(coef, vj, out);
        }
        return out;
    }

    @Override
    public int dim() {
        return p;
    }

    @Override
    public double value(double[] theta) {
        double[] g = new double[p];
        return valueAndGradient(theta, g);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradOut) {
        double v = 0;
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += a[i * p + j] * (theta[j] - center[j]);
            }
            gradOut[i] = s;
            v += 0.5 * s * (theta[i] - center[i]);
        }
        return v;
    }

    @Override
    public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += a[i * p + j] * v[j];
            }
            out[i] = s;
        }
    }

    @Override
    public Objective fork() {
        return this;
    }
}
