package io.selfeval.read;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups the files of one folder into submissions: each report with the files that are its attachments. A unit's
 * folder often holds the report and each attachment as its own file (自评报告.docx, 附件1 基础数据表.xlsx, 附件2
 * 整体支出绩效自评表.docx, 附件3 项目支出绩效自评表.doc …); those are one submission whatever their formats.
 * <ul>
 *   <li>A file is an attachment by its name (附件1…, 附表…, a name ending in 表 such as 基础数据表, and every workbook),
 *   unless the name says 报告; a file whose name does not tell is read when the folder is small (at most
 *   {@link #PEEK_LIMIT} files) and is an attachment when its title is an attachment's (附件2, …自评表, …基础数据表)
 *   and not a report's.</li>
 *   <li>One report: the report and every attachment are one submission, the report first, the attachments by
 *   name.</li>
 *   <li>Several reports (a folder of many units): each attachment goes with the report whose file name it shares
 *   the longest beginning with (教育局自评报告.docx ← 教育局附件1.xlsx), when that beginning is longer than what all
 *   the reports' names share (a workbook only when its name says attachment: 附件, 附表, …表); otherwise it is a
 *   submission of its own.</li>
 *   <li>No report: every file is its own submission.</li>
 * </ul>
 */
public final class Attachments {
    /** Folders with more files than this are batches of many units: file names decide, nothing is read twice. */
    static final int PEEK_LIMIT = 8;

    private static final Pattern NUMBERED = Pattern.compile("^(?:附件|附表)\\s*[0-9０-９一二三四五六七八九十]");
    private static final Pattern ATTACHMENT_NAME = Pattern.compile("附件|附表|表$");
    private static final Pattern ATTACHMENT_TITLE = Pattern.compile(
            "^(?:附件|附表)\\s*[0-9０-９一二三四五六七八九十]|基础数据表|绩效自评表|自评表|评分表|明细表|情况表|附表");
    private static final int TITLE_LINES = 4;

    private Attachments() {
    }

    /** The submissions of one folder's files (archives excluded): each a list of files, the report first. */
    public static List<List<Path>> group(List<Path> files) {
        List<Path> reports = new ArrayList<>();
        List<Path> attachments = new ArrayList<>();
        for (Path f : files) {
            if (attachmentByName(f)) attachments.add(f);
            else reports.add(f);
        }
        if (reports.size() > 1 && files.size() <= PEEK_LIMIT) {
            for (Path f : List.copyOf(reports)) {
                if (attachmentByTitle(f)) {
                    reports.remove(f);
                    attachments.add(f);
                }
            }
        }
        attachments.sort(Comparator.comparing(Path::toString));
        List<List<Path>> out = new ArrayList<>();
        if (reports.isEmpty() || attachments.isEmpty()) {
            for (Path f : files) out.add(List.of(f));
            return out;
        }
        if (reports.size() == 1) {
            List<Path> one = new ArrayList<>(reports);
            one.addAll(attachments);
            out.add(one);
            return out;
        }
        Map<Path, List<Path>> byReport = new LinkedHashMap<>();
        for (Path r : reports) byReport.put(r, new ArrayList<>(List.of(r)));
        String shared = stem(reports.get(0));
        for (Path r : reports) shared = shared.substring(0, commonPrefix(shared, stem(r)));
        for (Path a : attachments) {
            Path best = null;
            int bestLength = 0;
            boolean tie = false;
            for (Path r : reports) {
                int n = commonPrefix(stem(a), stem(r));
                if (n > bestLength) {
                    best = r;
                    bestLength = n;
                    tie = false;
                } else if (n == bestLength) {
                    tie = true;
                }
            }
            // A workbook named like a report (教育局.xlsx) may be a unit's own file: only files named or titled as
            // attachments are matched here.
            boolean named = explicitName(a) || !Readers.isWorkbookName(a);
            if (named && best != null && !tie && bestLength >= 2 && bestLength > shared.length()) byReport.get(best).add(a);
            else out.add(List.of(a));
        }
        out.addAll(byReport.values());
        return out;
    }

    /**
     * A unit's folder often keeps the attachments in a subfolder of their own (测试县/自评报告.docx,
     * 测试县/附件/附件1 基础数据表.xlsx …). A subfolder named 附件/附表, or whose files all have names that say
     * attachment (附件N…, 附表…, …表; being a workbook is not enough here), joins its parent folder's files when the parent holds exactly one report, so that report and
     * its attachments are one submission. Deepest folders first, so 附件/附件3/ reaches the report too.
     */
    static void joinAttachmentFolders(Map<Path, List<Path>> byFolder, Path root) {
        List<Path> dirs = new ArrayList<>(byFolder.keySet());
        dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path dir : dirs) {
            if (dir.equals(root) || dir.getParent() == null) continue;
            List<Path> files = byFolder.get(dir);
            List<Path> parent = byFolder.get(dir.getParent());
            if (files == null || parent == null) continue;
            List<Path> documents = files.stream().filter(f -> !Readers.isArchiveName(f)).toList();
            if (documents.isEmpty() || documents.size() != files.size()) continue;
            boolean folderNamed = ATTACHMENT_FOLDER.matcher(dir.getFileName().toString().strip()).find();
            // Workbooks alone do not tell: a unit's folder of workbooks in a batch is not the parent's attachment.
            if (!folderNamed && !documents.stream().allMatch(Attachments::explicitName)) continue;
            long reports = parent.stream().filter(f -> !Readers.isArchiveName(f) && !attachmentByName(f)).count();
            if (reports != 1) continue;
            parent.addAll(documents);
            byFolder.remove(dir);
        }
    }

    private static final Pattern ATTACHMENT_FOLDER = Pattern.compile("^(?:附件|附表)");

    /** 附件1 基础数据表.xlsx, 附表.xlsx, 整体支出绩效自评表.docx, and every workbook; not …报告…. */
    static boolean attachmentByName(Path f) {
        if (stem(f).contains("报告")) return false;
        return Readers.isWorkbookName(f) || explicitName(f);
    }

    /** A name that says attachment: 附件1…, 附表…, …表 (a trailing copy number or bracket ignored). */
    private static boolean explicitName(Path f) {
        String stem = stem(f);
        if (stem.contains("报告")) return false;
        String bare = stem.replaceAll("\\s+", "").replaceFirst("(?:[（(][^（()）]*[)）]|[-_－—]?[0-9０-９]+)$", "");
        return NUMBERED.matcher(bare).find() || ATTACHMENT_NAME.matcher(bare).find();
    }

    /** Whether the file's opening lines (its title) are an attachment's, not a report's. */
    static boolean attachmentByTitle(Path f) {
        Document d;
        try {
            d = Readers.read(f);
        } catch (UnreadableException | RuntimeException e) {
            return false;
        }
        List<String> lines = new ArrayList<>();
        for (Block b : d.blocks()) {
            if (lines.size() >= TITLE_LINES) break;
            if (b instanceof Paragraph p) {
                String t = p.text().replaceAll("\\s+", "");
                if (!t.isEmpty()) lines.add(t);
            } else if (b instanceof Table t) {
                if (!t.rows().isEmpty()) {
                    lines.add(String.join("", t.rows().get(0).cells().stream().map(Cell::text).toList()).replaceAll("\\s+", ""));
                }
                break;
            }
        }
        if (lines.isEmpty() || lines.stream().anyMatch(l -> l.contains("报告"))) return false;
        return lines.stream().anyMatch(l -> ATTACHMENT_TITLE.matcher(l).find());
    }

    private static String stem(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).strip();
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }
}
