package io.selfeval.check;

import io.selfeval.document.Document;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.DocumentReader;
import io.selfeval.read.TextReader;
import io.selfeval.read.UnreadableException;
import io.selfeval.recognize.Recognition;
import io.selfeval.recognize.Recognizer;
import io.selfeval.rules.RuleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Checks one submission: read → recognize → rules → findings. Never throws for a bad file. */
public final class Checker {
    private static final Logger LOG = LoggerFactory.getLogger(Checker.class);
    private static final List<DocumentReader> READERS = List.of(new TextReader());

    /** No real report comes near this; a bigger file is refused before it is read into memory. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final RuleBase rules;

    public Checker(RuleBase rules) {
        this.rules = rules;
    }

    /** Whether some reader takes this file (by name); other files in a folder are not submissions. */
    public static boolean isSupported(Path file) {
        return READERS.stream().anyMatch(r -> r.accepts(file));
    }

    public SubmissionResult check(Path file) {
        String name = file.toString();
        try {
            Document doc = read(file);
            Recognition rec = Recognizer.recognize(doc);
            List<Finding> findings = new ArrayList<>(rules.run(rec.facts()));
            findings.sort(ORDER);
            return new SubmissionResult(name, List.of(name), rec.unit(), rec.year(),
                    new SubmissionResult.SelfScore(value(rec.statedSelfScore()), value(rec.recomputedSelfScore())),
                    null, findings, null);
        } catch (UnreadableException e) {
            return unreadable(name, e.getMessage());
        } catch (java.io.IOException e) {
            return unreadable(name, "文件无法读取：" + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // One line for the reviewer; the stack trace only with --verbose.
            LOG.warn("检查 {} 时出错：{}", name, e.toString());
            LOG.debug("检查 {} 时出错", name, e);
            return unreadable(name, "处理文件时出错（" + e.getClass().getSimpleName() + "）：" + e.getMessage());
        }
    }

    private static Document read(Path file) throws java.io.IOException, UnreadableException {
        if (!Files.isRegularFile(file)) throw new UnreadableException("文件不存在或不是普通文件");
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new UnreadableException("文件过大（" + size / (1024 * 1024) + " MB），超过 " + MAX_FILE_BYTES / (1024 * 1024) + " MB 上限");
        }
        for (DocumentReader r : READERS) {
            if (r.accepts(file)) return r.read(file);
        }
        throw new UnreadableException("不支持的文件类型：" + file.getFileName());
    }

    private static BigDecimal value(io.selfeval.model.Amount a) {
        return a == null ? null : a.getValue();
    }

    /** A submission that could not be read: listed with its reason and one PARSE_UNREADABLE finding. */
    public static SubmissionResult unreadable(String name, String reason) {
        Finding f = new Finding("PARSE_UNREADABLE", Severity.ERROR, "文件无法读取", null,
                "文件无法读取：" + reason, new Location("file", null, null, null, null, null, null),
                Map.of("reason", reason), null);
        return new SubmissionResult(name, List.of(name), null, null, null, null, List.of(f), reason);
    }

    /** ERROR before WARNING before INFO, then in document order. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::getSeverity)
            .thenComparing(f -> f.getLocation() == null || f.getLocation().getLine() == null ? Integer.MAX_VALUE : f.getLocation().getLine())
            .thenComparing(Finding::getCode);
}
