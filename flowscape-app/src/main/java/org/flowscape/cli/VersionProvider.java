package org.flowscape.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code flowscape --version}: the version from the jar manifest, and the Java runtime. */
public final class VersionProvider implements IVersionProvider {
    /** The version of this build, or a note when not running from the packaged jar. */
    public static String version() {
        return org.flowscape.operation.JsonOutput.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "flowscape " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")",
        };
    }
}
