package io.selfeval.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the project's rules/ folder for tests that edit rules: the real folder is never touched. */
public final class RuleFolders {
    public static final Path REAL_RULES = Path.of("rules");

    private RuleFolders() {
    }

    /** A copy of rules/ (rule files, decision tables and rules/tests/) in {@code parent}/{@code name}. */
    public static Path copy(Path parent, String name) {
        Path target = parent.resolve(name);
        try (Stream<Path> s = Files.walk(REAL_RULES)) {
            for (Path p : s.toList()) {
                Path to = target.resolve(REAL_RULES.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
