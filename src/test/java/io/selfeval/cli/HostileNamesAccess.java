package io.selfeval.cli;

import java.io.IOException;
import java.nio.file.Path;

/** The hostile report of {@link HostileNamesTest}, for the service's tests in another package. */
public final class HostileNamesAccess {
    public static final String UNIT = HostileNamesTest.UNIT;

    private HostileNamesAccess() {
    }

    public static Path hostileReport(Path dir) throws IOException {
        return HostileNamesTest.hostileReport(dir);
    }
}
