package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PyTorch side of the round-trip tests with Debian's {@code /usr/bin/python3}: skips the calling test (an
 * assumption) when it or torch/numpy is missing, copies a script from {@code /interop/} and runs its {@code save} and
 * {@code check} steps.
 */
final class TorchPython {
    static final String PYTHON = "/usr/bin/python3";

    /** A finished Python run: its exit code (−1 when it timed out) and its stdout and stderr together. */
    record Result(int exit, String out) {
    }

    private TorchPython() {
    }

    /**
     * Skips unless Python with torch and numpy is there, copies {@code /interop/SCRIPT} into {@code dir}, runs
     * {@code SCRIPT save DIR CASES…} (asserting exit 0) and returns the copied script's path.
     */
    static Path save(Path dir, String script, String... cases) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "skipped: " + PYTHON + " is missing");
        assumeTrue(run("-c", "import torch, numpy").exit() == 0, "skipped: " + PYTHON + " lacks torch or numpy "
                + "(on Debian: apt-get install python3-torch)");
        Path copy = dir.resolve(script);
        try (InputStream in = TorchPython.class.getResourceAsStream("/interop/" + script)) {
            Files.copy(in, copy);
        }
        List<String> args = new ArrayList<>(List.of(copy.toString(), "save", dir.toString()));
        args.addAll(List.of(cases));
        Result r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.out()).isZero();
        return copy;
    }

    /** {@code python3 ARGS…}, waiting at most 180 s. */
    static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out\n" + out);
        }
        return new Result(p.exitValue(), out);
    }
}
