package org.flowscape.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of user error: exit 2, one line on stderr starting "flowscape: ", no stack trace. */
class UserErrorTest {
    static final String DATA = "gaussian:n=6,d=3,seed=1";

    @TempDir
    Path dir;

    static CliRun eval(String model, String data, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "eval";
        args[1] = "--model=" + model;
        args[2] = "--data=" + data;
        args[3] = "--json";
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void unknownModelKind() {
        UserErrorAssert.assertUserError(eval("conv:3-4-1:tanh", DATA), "unknown model kind");
    }

    @Test
    void unknownActivation() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanhh", DATA), "tanhh");
    }

    @Test
    void malformedModelSpec() {
        UserErrorAssert.assertUserError(eval("mlp:3-x-1:tanh", DATA), "positive integer");
    }

    @Test
    void malformedDataSpec() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanh", "gaussian:n=six,d=3,seed=1"), "six");
    }

    @Test
    void unknownDataKind() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanh", "imagenet:n=5"), "imagenet");
    }

    @Test
    void shapeMismatchBetweenDataAndModel() {
        UserErrorAssert.assertUserError(eval("mlp:4-4-1:tanh", DATA), "input column");
    }

    @Test
    void targetMismatchBetweenDataAndModel() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-2:tanh", DATA), "target column");
    }

    @Test
    void nanInData() throws Exception {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "x1,x2,x3,y\n1,2,3,4\n1,NaN,3,4\n");
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanh", "csv:" + csv), "NaN");
    }

    @Test
    void malformedCostExpression() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanh", DATA, "--loss", "cost:log(x-"), "cost");
    }

    @Test
    void unknownLoss() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanh", DATA, "--loss", "hinge"), "hinge");
    }

    @Test
    void missingParamsFile() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanh", DATA, "--params", dir.resolve("no.json").toString()),
                "no.json");
    }

    @Test
    void missingDataFile() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanh", "csv:" + dir.resolve("no.csv")), "no.csv");
    }

    @Test
    void missingModel() {
        UserErrorAssert.assertUserError(CliRun.of("eval", "--data", DATA), "--model");
    }

    @Test
    void badOptionValue() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanh", DATA, "--seed", "abc"), "abc");
    }

    @Test
    void negativeZeroTolerance() {
        UserErrorAssert.assertUserError(eval("mlp:3-4-1:tanh", DATA, "--hessian", "--zero-tol", "-1"), "zero-tol");
    }

    @Test
    void denseHessianTooLargeNamesSizeAndMemory() {
        // P = 100·81 + 81 + 81 + 1 = 8263 > 8000; refused before any Hessian work.
        CliRun run = eval("mlp:100-81-1:tanh", "gaussian:n=2,d=100,seed=1", "--hessian");
        UserErrorAssert.assertUserError(run, "P = 8263");
        org.assertj.core.api.Assertions.assertThat(run.err()).contains("MB").contains("8000");
    }
}
