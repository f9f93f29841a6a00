package io.selfeval.read;

import io.selfeval.fixtures.OfficeRenderings;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times reading .xlsx files with POI's user model and with the streaming reader, one thread, the same files in turn
 * (a speed figure for BENCHMARKS.md, not a test):
 * {@code java -cp target/test-classes:target/selfeval.jar io.selfeval.read.XlsxReadTiming DIR [DRAWN] [ROUNDS]}.
 * DIR gets the form workbooks (the seeds' attachments, the rule tables, the reader test's 附件2) and DRAWN workbooks
 * drawn as in the differential test; an existing DIR is reused.
 */
public final class XlsxReadTiming {
    private XlsxReadTiming() {
    }

    private interface Read {
        Object read(Path file) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int drawn = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path forms = dir.resolve("forms");
        Path random = dir.resolve("drawn");
        if (!Files.isDirectory(dir)) make(forms, random, drawn);
        for (Path set : List.of(forms, random)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(set)) {
                files = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
            }
            long bytes = 0;
            for (Path f : files) bytes += Files.size(f);
            Read userModel = f -> WorkbookReader.readXlsxUserModel(f, f.getFileName().toString());
            Read streaming = f -> WorkbookReader.readXlsx(f, f.getFileName().toString());
            for (int warm = 0; warm < 2; warm++) {
                time(files, userModel);
                time(files, streaming);
            }
            long userNanos = 0;
            long streamNanos = 0;
            for (int r = 0; r < rounds; r++) { // alternate which goes first, so neither always meets a warm cache
                if (r % 2 == 0) {
                    userNanos += time(files, userModel);
                    streamNanos += time(files, streaming);
                } else {
                    streamNanos += time(files, streaming);
                    userNanos += time(files, userModel);
                }
            }
            double n = (double) files.size() * rounds;
            System.out.printf("%s: %d files, %.0f KB in all, %d rounds%n", set.getFileName(), files.size(), bytes / 1024.0, rounds);
            System.out.printf("  user model (XSSFWorkbook): %.2f ms/file, %.0f files/s%n", userNanos / n / 1e6, n / (userNanos / 1e9));
            System.out.printf("  streaming:                 %.2f ms/file, %.0f files/s%n", streamNanos / n / 1e6, n / (streamNanos / 1e9));
            System.out.printf("  streaming / user model:    %.2f×%n", (double) streamNanos / userNanos);
        }
    }

    private static long time(List<Path> files, Read read) throws Exception {
        long start = System.nanoTime();
        for (Path f : files) read.read(f);
        return System.nanoTime() - start;
    }

    private static void make(Path forms, Path random, int drawn) throws Exception {
        Files.createDirectories(forms);
        Files.createDirectories(random);
        List<Path> made = new ArrayList<>();
        for (String id : OfficeRenderings.seedIds()) {
            if (OfficeRenderings.split(OfficeRenderings.read(id)).parts().isEmpty()) continue;
            made.add(OfficeRenderings.folder(id, forms.resolve("seeds")));
        }
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".drl.xlsx")).toList()) Files.copy(p, forms.resolve(p.getFileName()));
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(forms.resolve("附表.xlsx"))) {
            WorkbookReaderTest.fill(wb, true);
            wb.write(out);
        }
        RandomWorkbooks draw = new RandomWorkbooks(20261203L);
        for (int i = 0; i < drawn; i++) draw.write(random.resolve(String.format("drawn%03d.xlsx", i)));
    }
}
