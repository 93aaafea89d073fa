package org.flowscape.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: the CPU seconds (user + system) of this JVM's finished, waited-for child processes and their own
 * waited-for children, from Linux's {@code /proc/self/stat} ({@code cutime}, {@code cstime}, in clock ticks of
 * 1/100 s). NaN where that file cannot be read (not Linux).
 */
final class ChildCpu {
    private ChildCpu() {
    }

    /** The children's CPU seconds so far, or NaN. */
    static double seconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: field 3 (state) is fields[0], so cutime (16) and cstime (17) are 13 and 14
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
