package io.selfeval.server;

import io.selfeval.api.SelfEval;
import io.selfeval.fixtures.OfficeRenderings;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/check?format=annotated: the marked-up copy of one report, a zip of several, a Chinese 422 for none. */
@Tag("slow") // a server on a copy of rules/, compiled
class AnnotatedDownloadTest {
    private static Path tmp;
    private static SelfEvalServer server;

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("selfeval-annotated-test-");
        server = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(SelfEvalServerTest.copyRules(tmp.resolve("rules"))).rulesLabel("rules").tempDir(tmp.resolve("work")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        io.selfeval.read.Submissions.deleteTree(tmp);
    }

    @Test
    void oneWordReportComesBackAsItsMarkedUpCopy() throws Exception {
        Path docx = OfficeRenderings.docx("002", tmp.resolve("in"));
        HttpResponse<byte[]> r = SelfEvalServerTest.post(server, "/api/check?format=annotated", null, SelfEvalServerTest.Part.of(docx));
        assertEquals(200, r.statusCode(), () -> SelfEvalServerTest.text(r));
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        String name = URLDecoder.decode(disposition.replaceFirst(".*filename\\*=UTF-8''", ""), StandardCharsets.UTF_8);
        assertEquals(OfficeRenderings.seedName("002") + "（审核意见）.docx", name);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()))) {
            assertTrue(doc.getDocComments().getComments().size() > 4, "002 has at least its four must-find findings and the summary");
        }
    }

    @Test
    void severalReportsComeBackAsAZipAndOneCanBeChosen() throws Exception {
        List<SelfEvalServerTest.Part> parts = new ArrayList<>();
        for (Path seed : SelfEvalServerTest.seeds().subList(0, 2)) parts.add(SelfEvalServerTest.Part.of(seed));
        HttpResponse<byte[]> zip = SelfEvalServerTest.post(server, "/api/check?format=annotated", null,
                parts.toArray(SelfEvalServerTest.Part[]::new));
        assertEquals(200, zip.statusCode(), () -> SelfEvalServerTest.text(zip));
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
        }
        assertEquals(List.of(parts.get(0).fileName().replace(".txt", "（审核意见）.docx"),
                parts.get(1).fileName().replace(".txt", "（审核意见）.docx")), names);

        String second = parts.get(1).fileName();
        HttpResponse<byte[]> one = SelfEvalServerTest.post(server, "/api/check?format=annotated&submission="
                + java.net.URLEncoder.encode(second, StandardCharsets.UTF_8), null, parts.toArray(SelfEvalServerTest.Part[]::new));
        assertEquals(200, one.statusCode(), () -> SelfEvalServerTest.text(one));
        assertTrue(one.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"));
        new XWPFDocument(new ByteArrayInputStream(one.body())).close();
    }

    @Test
    void nothingToMarkUpIsAChineseError() throws Exception {
        HttpResponse<byte[]> r = SelfEvalServerTest.post(server, "/api/check?format=annotated", null,
                new SelfEvalServerTest.Part("files", "坏.docx", "not a zip".getBytes(StandardCharsets.UTF_8)));
        SelfEvalServerTest.assertChineseError(r, 422);
    }
}
