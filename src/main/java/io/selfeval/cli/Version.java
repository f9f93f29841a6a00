package io.selfeval.cli;

import picocli.CommandLine;

/** The tool's version: Implementation-Version of the jar manifest, or "dev" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    static final String NAME = "selfeval";

    static String get() {
        Package p = Main.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[]{NAME + " " + get()};
    }
}
