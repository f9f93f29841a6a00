package io.selfeval.server;

import io.selfeval.annotate.Annotator;
import io.selfeval.api.SelfEval;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Submission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The answer to {@code POST /api/check?format=annotated}: the marked-up copies of the uploaded submissions (or of
 * the one named by {@code submission=}), one file as itself, several as a zip keeping their folders.
 */
final class AnnotatedDownload {
    /** A body to send with its type and the name the browser saves it under. */
    record Body(byte[] bytes, String contentType, String fileName) {
    }

    private AnnotatedDownload() {
    }

    static Body of(SelfEval engine, List<Submission> submissions, List<SubmissionResult> results, String only, Path outDir)
            throws IOException {
        List<Annotator.Written> written = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            SubmissionResult r = results.get(i);
            if (only != null && !only.equals(r.getFile())) continue;
            for (Annotator.Written w : engine.annotate(submissions.get(i), r, outDir, null)) {
                if (w.error() == null) written.add(w);
            }
        }
        if (written.isEmpty()) {
            throw new ApiError(422, only != null && results.stream().noneMatch(r -> only.equals(r.getFile()))
                    ? "没有名为“" + only + "”的报告，请重新上传后再下载批注版"
                    : "没有可加批注的文件：报告无法读取或不是绩效自评报告");
        }
        if (written.size() == 1) {
            Annotator.Written w = written.get(0);
            String name = w.path().getFileName().toString();
            return new Body(Files.readAllBytes(w.path()), contentType(name), name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8)) {
            for (Annotator.Written w : written) {
                zip.putNextEntry(new ZipEntry(w.name()));
                Files.copy(w.path(), zip);
                zip.closeEntry();
            }
        }
        return new Body(out.toByteArray(), "application/zip", "审核意见批注版.zip");
    }

    private static String contentType(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
}
