package io.selfeval.report;

import io.selfeval.check.Checker;
import io.selfeval.fixtures.BrokenFiles;
import io.selfeval.fixtures.OfficeRenderings;
import io.selfeval.model.CheckReport;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;
import io.selfeval.testing.Checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of mixed submissions as a county sends them, checked with the real rules the way the command line does:
 * the text seeds, one seed rendered as .docx, the Word 97 fixture and the .doc + .xls folder from fixtures/office
 * (when present), and two broken files (a damaged .docx whose name needs HTML escaping, an empty .xlsx).
 */
final class MixedBatch {
    /** Names of the broken files in the batch. */
    static final String DAMAGED = "损坏<附件>&\"副本\".docx";
    static final String EMPTY = "空白.xlsx";

    final List<SubmissionResult> results;
    final CheckReport.Tool tool = new CheckReport.Tool("selfeval", "test");
    final CheckReport.RulesInfo rules;

    private MixedBatch(List<SubmissionResult> results, int ruleCount) {
        this.results = List.copyOf(results);
        this.rules = new CheckReport.RulesInfo("rules", "0123456789abcdef".repeat(4), ruleCount);
    }

    static MixedBatch build(Path tmp) {
        try {
            Path batch = Files.createDirectories(tmp.resolve("batch"));
            Path work = Files.createDirectories(tmp.resolve("work"));
            try (DirectoryStream<Path> seeds = Files.newDirectoryStream(Path.of("fixtures/seeds"), "*.txt")) {
                for (Path p : seeds) Files.copy(p, batch.resolve(p.getFileName()));
            }
            Files.copy(OfficeRenderings.docx("002", work), batch.resolve("002-报告.docx"));
            Path office = Path.of("fixtures/office");
            if (Files.isDirectory(office)) {
                try (DirectoryStream<Path> all = Files.newDirectoryStream(office)) {
                    for (Path p : all) {
                        if (Files.isDirectory(p)) copyFolder(p, batch.resolve("office-" + p.getFileName()));
                        else if (!p.getFileName().toString().endsWith(".md")) Files.copy(p, batch.resolve(p.getFileName()));
                    }
                }
            }
            BrokenFiles.corrupted(OfficeRenderings.docx("001", work.resolve("good")), batch.resolve(DAMAGED));
            BrokenFiles.empty(batch.resolve(EMPTY));

            Checker checker = new Checker(Checks.rules());
            List<SubmissionResult> results = new ArrayList<>();
            try (Submissions subs = new Submissions()) {
                for (Submission s : subs.collect(batch, p -> false)) results.add(checker.check(s));
            }
            return new MixedBatch(results, Checks.rules().catalog().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the results through a sink the way the command line does. */
    void writeTo(ReportSink sink) throws IOException {
        sink.begin(tool, rules);
        for (SubmissionResult r : results) sink.submission(r);
        sink.end(CheckReport.Summary.of(results));
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> all = Files.newDirectoryStream(from)) {
            for (Path p : all) {
                if (Files.isDirectory(p)) copyFolder(p, to.resolve(p.getFileName()));
                else Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
