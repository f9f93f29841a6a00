package io.selfeval.rules;

import io.selfeval.document.Cancellation;
import io.selfeval.model.DeductionRule;
import io.selfeval.model.Finding;
import io.selfeval.model.Relation;
import io.selfeval.model.RubricItem;
import io.selfeval.rules.data.DecisionTables;
import io.selfeval.rules.data.DecisionTables.TableSheet;
import io.selfeval.rules.data.DroolsText;
import io.selfeval.rules.data.TableCell;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The rules folder compiled once: every *.drl file read from disk (UTF-8) into the KieBase that checks submissions,
 * and every decision table (*.drl.xlsx) into a second KieBase of data rules. The data rules run once, here, in a
 * session without document facts; the rows they insert become the parameters, relations, rubric, deductions and
 * code catalog. Thread-safe to share; each submission runs in a session of its own ({@link #run}).
 */
public final class RuleBase {
    private static final String RESOURCES = "src/main/resources/";
    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final java.util.regex.Pattern RULE_HEAD = java.util.regex.Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private final Path dir;
    private final KieBase kieBase;
    /** Sessions are reused: dispose() resets one and returns it here, which is cheaper than building a new one. */
    private final KieSessionsPool sessions;
    private final RuleData data;
    private final Map<String, String> ruleFiles;
    private final List<RuleInfo> catalog;
    private final Map<String, String> neverFires;
    private final String fingerprint;
    /** package/name → the line of the rule's "rule" keyword in its file. */
    private final Map<String, Integer> ruleLines;
    /** Whether the rules came from the rule cache rather than the compiler (for bench and tests). */
    private final boolean fromCache;
    /** The rule base without rules that failed, by the set of rules left out (package/name); built when needed. */
    private final Map<Set<String>, KieBase> withoutRules = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One compiled rule, for the catalog and provenance: its name, finding code and severity (metadata), the file it
     * is in, and a description (its {@code @description(...)} metadata, or the comment lines just above it).
     */
    public record RuleInfo(String name, String code, String severity, String file, String description) {
    }

    private RuleBase(Path dir, KieBase kieBase, KieSessionsPool sessions, RuleData data, Map<String, String> ruleFiles,
                     List<RuleInfo> catalog, Map<String, String> neverFires, String fingerprint,
                     Map<String, Integer> ruleLines, boolean fromCache) {
        this.dir = dir;
        this.kieBase = kieBase;
        this.sessions = sessions;
        this.data = data;
        this.ruleFiles = ruleFiles;
        this.catalog = catalog;
        this.neverFires = neverFires;
        this.fingerprint = fingerprint;
        this.ruleLines = ruleLines;
        this.fromCache = fromCache;
    }

    /**
     * Compiles the folder. Every problem is reported: DRL syntax or an unknown type with file and line, a table with
     * file, sheet and cell (a cell Drools cannot compile, a value that is not a number, an unknown relation kind...).
     */
    public static RuleBase load(Path dir) throws RuleCompileException {
        if (!Files.isDirectory(dir)) {
            throw new RuleCompileException(List.of("规则目录不存在：" + dir));
        }
        // Read once: what compiles and what the fingerprint names are the same bytes (an edit now is the next load's).
        return load(RulesSnapshot.read(dir));
    }

    /** Compiles the rules folder as it was read into {@code snapshot}, or loads it from the user's rule cache. */
    public static RuleBase load(RulesSnapshot snapshot) throws RuleCompileException {
        return load(snapshot, RuleCache.standard());
    }

    /**
     * Compiles the rules folder as it was read into {@code snapshot}; the fingerprint is the snapshot's. With a cache,
     * unchanged rules load from the compiled jar kept there (no compiler run); after a compile, the jar for the next
     * start is built on a background thread, or by a process of its own for a {@link RuleCache#detachedBuilds()} cache.
     */
    public static RuleBase load(RulesSnapshot snapshot, RuleCache cache) throws RuleCompileException {
        Path dir = snapshot.dir();
        List<Path> drlFiles = snapshot.topLevel().stream()
                .filter(p -> p.getFileName().toString().endsWith(".drl") && !hidden(p)).toList();
        List<Path> tableFiles = snapshot.topLevel().stream().filter(DecisionTables::isTableFile).toList();
        if (drlFiles.isEmpty()) {
            throw new RuleCompileException(List.of("规则目录 " + dir + " 中没有 .drl 规则文件"));
        }
        // The tables (POI, then their own small KieBase) are compiled on a second thread while this one compiles the
        // rule files: the two do not depend on each other until a session runs, and start-up time matters.
        java.util.concurrent.FutureTask<TablesResult> tables = new java.util.concurrent.FutureTask<>(() -> loadTables(tableFiles, snapshot, cache));
        Thread tableThread = new Thread(tables, "selfeval-rule-tables");
        tableThread.setDaemon(true);
        tableThread.start();

        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        KieServices ks = KieServices.Factory.get();
        Map<String, Path> byResourcePath = new HashMap<>();
        Map<String, String> drlText = new HashMap<>();
        Map<Path, String> resources = new LinkedHashMap<>();
        Map<String, Path> fileOfRule = new HashMap<>();
        for (Path drl : drlFiles) {
            String text = readUtf8(drl, snapshot, problems);
            if (text == null) continue;
            drlText.put(displayPath(drl), text);
            Matcher m = PACKAGE.matcher(text);
            String pkg = m.find() ? m.group(1) : "defaultpkg";
            String resourcePath = RESOURCES + pkg.replace('.', '/') + "/" + drl.getFileName();
            resources.put(drl, resourcePath);
            for (String name : ruleLines(Map.of(drl.toString(), text)).keySet()) fileOfRule.putIfAbsent(name, drl);
            // Drools names the file either with or without the resources prefix, depending on the call.
            byResourcePath.put(resourcePath, drl);
            byResourcePath.put(resourcePath.substring(RESOURCES.length()), drl);
        }
        KieBase kieBase = problems.isEmpty() ? RuleCache.load(cache, snapshot.fingerprint()) : null;
        boolean compiled = kieBase == null;
        if (kieBase == null) {
            ReleaseId releaseId = ks.newReleaseId("io.selfeval.rules", "rules-" + UUID.randomUUID(), "1.0.0");
            KieBuilder builder = ks.newKieBuilder(fileSystem(ks, releaseId, resources, snapshot)).buildAll();
            problems.addAll(compileProblems(builder.getResults().getMessages(Message.Level.ERROR), byResourcePath, Map.of(), drlText));
            if (problems.isEmpty()) kieBase = ks.newKieContainer(releaseId).getKieBase();
            ks.getRepository().removeKieModule(releaseId);
        }
        KieSessionsPool sessions = kieBase == null ? null : kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());

        TablesResult data;
        try {
            data = tables.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleCompileException(List.of("规则加载被中断"));
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
        problems.addAll(data.problems());
        if (data.data() != null) {
            Set<String> paramFiles = data.data().files.getOrDefault(RuleData.PARAMETERS, Set.of());
            problems.addAll(ParameterUses.problems(drlText, data.data().parameters,
                    paramFiles.isEmpty() ? "未找到参数表" : String.join("、", paramFiles)));
        }
        if (!problems.isEmpty()) throw new RuleCompileException(problems);
        org.slf4j.LoggerFactory.getLogger(RuleBase.class).debug(compiled ? "规则编译用时 {} ms" : "规则从缓存载入用时 {} ms",
                (System.nanoTime() - started) / 1_000_000);
        if (compiled && cache.enabled()) cache.writeLater(snapshot, () -> cacheProject(ks, resources, snapshot), kieBase);

        Map<String, String> ruleFiles = new HashMap<>();
        List<RuleInfo> catalog = new ArrayList<>();
        Map<String, String> neverFires = new LinkedHashMap<>();
        Map<String, Map<String, String>> comments = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String file = ruleFile(rule, byResourcePath, fileOfRule, dir);
                ruleFiles.put(rule.getPackageName() + "/" + rule.getName(), file);
                if (rule instanceof RuleImpl impl) {
                    String missing = unmatchable(impl.getLhs());
                    if (missing != null) neverFires.put(rule.getPackageName() + "/" + rule.getName(), missing);
                }
                // A rule that only derives facts for other rules (@derives) reports nothing: it is not in the catalog.
                if (rule.getMetaData().containsKey("derives")) continue;
                String description = FindingCollector.meta(rule, "description");
                if (description == null || description.isBlank()) {
                    description = comments.computeIfAbsent(file, f -> ruleComments(drlText.get(f))).get(rule.getName());
                }
                catalog.add(new RuleInfo(rule.getName(), FindingCollector.meta(rule, "code"),
                        FindingCollector.meta(rule, "severity"), file, description == null ? "" : description));
            }
        }
        catalog.sort(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name));
        return new RuleBase(dir, kieBase, sessions, data.data(), ruleFiles, catalog, neverFires, snapshot.fingerprint(),
                ruleLines(drlText), !compiled);
    }

    /** The rule data, or the problems that stop it (each naming file, sheet and cell). */
    private record TablesResult(RuleData data, List<String> problems) {
    }

    /** The project the rule cache builds its copy from: the same files under a release of its own. */
    private static KieFileSystem cacheProject(KieServices ks, Map<Path, String> resources, RulesSnapshot snapshot) {
        return fileSystem(ks, ks.newReleaseId("io.selfeval.rules", "cached-" + UUID.randomUUID(), "1.0.0"), resources, snapshot);
    }

    /**
     * For a process that only fills the cache ({@link RuleCacheBuilder}): the project of the snapshot's rule files and
     * the rules their texts declare (package/name), which the built copy must hold; null when a file is not UTF-8.
     */
    static Map.Entry<java.util.function.Supplier<KieFileSystem>, Set<String>> cacheProject(RulesSnapshot snapshot) {
        List<String> problems = new ArrayList<>();
        Map<Path, String> resources = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Path drl : snapshot.topLevel()) {
            if (!drl.getFileName().toString().endsWith(".drl") || hidden(drl)) continue;
            String text = readUtf8(drl, snapshot, problems);
            if (text == null) return null;
            texts.put(drl.toString(), text);
            Matcher m = PACKAGE.matcher(text);
            String pkg = m.find() ? m.group(1) : "defaultpkg";
            resources.put(drl, RESOURCES + pkg.replace('.', '/') + "/" + drl.getFileName());
        }
        KieServices ks = KieServices.Factory.get();
        return Map.entry(() -> cacheProject(ks, resources, snapshot), new java.util.TreeSet<>(ruleLines(texts).keySet()));
    }

    /** The rule files as Drools' in-memory project: each under its package's folder, with the module settings. */
    private static KieFileSystem fileSystem(KieServices ks, ReleaseId releaseId, Map<Path, String> resources,
                                            RulesSnapshot snapshot) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        resources.forEach((drl, resourcePath) -> kfs.write(resourcePath,
                ks.getResources().newByteArrayResource(snapshot.bytes(drl), "UTF-8").setSourcePath(resourcePath)));
        kfs.writeKModuleXML(moduleXml(ks));
        return kfs;
    }

    private static String moduleXml(KieServices ks) {
        KieModuleModel module = ks.newKieModuleModel();
        // A rule with the name of another silently replaced it by default; make that an error.
        module.setConfigurationProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
        module.newKieBaseModel("rules").setDefault(true).addPackage("*").newKieSessionModel("session").setDefault(true);
        return module.toXML();
    }

    /**
     * The decision tables: each sheet to DRL (Drools' spreadsheet compiler), all of them into a KieBase of their own,
     * whose rules run once in a session without document facts; the cells the rows insert become the rule data.
     */
    private static TablesResult loadTables(List<Path> tableFiles, RulesSnapshot snapshot, RuleCache cache) {
        List<String> problems = new ArrayList<>();
        List<TableSheet> sheets = new ArrayList<>();
        for (Path table : tableFiles) {
            DecisionTables.Compiled c = DecisionTables.compile(snapshot.bytes(table), table, displayPath(table));
            sheets.addAll(c.sheets());
            problems.addAll(c.problems());
        }
        if (!problems.isEmpty()) return new TablesResult(null, problems);
        // The cells are a function of the tables' bytes alone: kept by fingerprint, they spare the tables' compile.
        List<TableCell> cached = cache.cells(snapshot.fingerprint()).orElse(null);
        List<TableCell> cells = cached != null ? cached : new ArrayList<>();
        if (cached == null && !sheets.isEmpty()) {
            KieServices ks = KieServices.Factory.get();
            KieFileSystem kfs = ks.newKieFileSystem();
            ReleaseId releaseId = ks.newReleaseId("io.selfeval.rules", "tables-" + UUID.randomUUID(), "1.0.0");
            kfs.generateAndWritePomXML(releaseId);
            Map<String, TableSheet> sheetByResource = new HashMap<>();
            for (TableSheet s : sheets) {
                String resourcePath = RuleData.resourceKey(s);
                kfs.write(RESOURCES + resourcePath, ks.getResources().newByteArrayResource(s.drl().getBytes(StandardCharsets.UTF_8))
                        .setSourcePath(resourcePath));
                sheetByResource.put(RESOURCES + resourcePath, s);
                sheetByResource.put(resourcePath, s);
            }
            kfs.writeKModuleXML(moduleXml(ks));
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            problems.addAll(compileProblems(builder.getResults().getMessages(Message.Level.ERROR), Map.of(), sheetByResource, Map.of()));
            if (!problems.isEmpty()) {
                ks.getRepository().removeKieModule(releaseId);
                return new TablesResult(null, problems);
            }
            KieSession session = ks.newKieContainer(releaseId).getKieBase().newKieSession();
            try {
                session.fireAllRules();
                for (Object o : session.getObjects(o -> o instanceof TableCell)) {
                    TableCell c = (TableCell) o;
                    String resource = c.getResource();
                    if (resource != null && resource.startsWith(RESOURCES)) resource = resource.substring(RESOURCES.length());
                    cells.add(new TableCell(c.getRule(), resource, c.getColumn(), c.getValue()));
                }
            } finally {
                session.dispose();
                ks.getRepository().removeKieModule(releaseId);
            }
        }
        try {
            TablesResult result = new TablesResult(RuleData.build(sheets, cells), List.of());
            if (cached == null) cache.putCells(snapshot.fingerprint(), cells);
            return result;
        } catch (RuleCompileException e) {
            return new TablesResult(null, e.getProblems());
        }
    }

    /**
     * The compiler's errors in Chinese with file and line (or sheet and cell). When a rule file's slip is a bracket,
     * quote or {@code end} left out, {@link DrlShape} names it once at its line instead of Drools' after-effects; the
     * parser's follow-on errors at the end of a file (input '' / '<eof>') are dropped after the first.
     */
    private static List<String> compileProblems(List<Message> errors, Map<String, Path> byResourcePath,
                                                Map<String, TableSheet> sheetByResource, Map<String, String> drlText) {
        List<String> problems = new ArrayList<>();
        Set<String> filesWithLines = new HashSet<>();
        for (Message m : errors) {
            if (m.getLine() > 0) filesWithLines.add(String.valueOf(m.getPath()));
        }
        Set<Path> explained = new HashSet<>();
        for (Message m : errors) {
            Path file = m.getPath() == null ? null : byResourcePath.get(m.getPath());
            if (file == null || explained.contains(file) || !isSyntaxSlip(m.getText())) continue;
            String text = drlText.get(displayPath(file));
            List<DrlShape.Slip> slips = text == null ? List.of() : DrlShape.slips(text);
            // A slip explains the parser's error only if it comes before it (the parser trips after the slip).
            int firstParserError = errors.stream().filter(e -> file.equals(byResourcePath.get(String.valueOf(e.getPath()))))
                    .filter(e -> e.getText() != null && e.getText().contains("[ERR 1") && e.getLine() > 0)
                    .mapToInt(Message::getLine).min().orElse(Integer.MAX_VALUE);
            // (A Java syntax error in a consequence is reported at the rule's head, before the slip: no such bound.)
            if (slips.isEmpty() || (long) slips.get(0).line() > (long) firstParserError + 1) continue;
            explained.add(file);
            for (DrlShape.Slip slip : slips) problems.add(displayPath(file) + " 第" + slip.line() + "行：" + slip.message());
        }
        Set<String> afterFirst = new HashSet<>();
        for (Message m : errors) {
            // "Parser returned a null Package" (line 0) only repeats a syntax error already reported with its line.
            if (m.getLine() <= 0 && filesWithLines.contains(String.valueOf(m.getPath()))) continue;
            Path drl = m.getPath() == null ? null : byResourcePath.get(m.getPath());
            if (drl != null && explained.contains(drl)) continue;
            boolean followOn = m.getText() != null && m.getText().matches("(?s).*input '(<eof>)?'.*");
            if (!afterFirst.add(String.valueOf(m.getPath())) && followOn) continue;
            String text = DroolsText.drl(m.getText());
            TableSheet sheet = m.getPath() == null ? null : sheetByResource.get(m.getPath());
            if (sheet != null) {
                problems.add(sheet.whereLine(m.getLine(), m.getText()) + "：" + text);
                continue;
            }
            Path file = m.getPath() == null ? null : byResourcePath.get(m.getPath());
            String where = file == null ? String.valueOf(m.getPath()) : displayPath(file);
            problems.add(where + (m.getLine() > 0 ? " 第" + m.getLine() + "行：" : "：") + text);
        }
        return problems;
    }

    /** A parser error, or a Java syntax error in a consequence: the kinds a left-out bracket, quote or end causes. */
    private static boolean isSyntaxSlip(String text) {
        if (text == null) return false;
        return text.contains("[ERR 1") || text.contains("Syntax error, insert") || text.contains("Parser returned a null Package")
                || text.matches("(?s).*(mismatched input|no viable alternative|extraneous input|missing \\S+ at).*");
    }

    /** package/name → line of each rule head, over every rule file. */
    private static Map<String, Integer> ruleLines(Map<String, String> drlText) {
        Map<String, Integer> out = new HashMap<>();
        for (String text : drlText.values()) {
            Matcher p = PACKAGE.matcher(text);
            String pkg = p.find() ? p.group(1) : "defaultpkg";
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = RULE_HEAD.matcher(lines.get(i));
                if (!m.find()) continue;
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                out.putIfAbsent(pkg + "/" + name, i + 1);
            }
        }
        return out;
    }

    /** The comment lines ("// …") just above each rule of a DRL text, by rule name. */
    static Map<String, String> ruleComments(String text) {
        Map<String, String> out = new HashMap<>();
        if (text == null) return out;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RULE_HEAD.matcher(lines.get(i));
            if (!m.find()) continue;
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            List<String> comment = new ArrayList<>();
            for (int j = i - 1; j >= 0 && lines.get(j).strip().startsWith("//"); j--) {
                comment.add(0, lines.get(j).strip().replaceFirst("^//+\\s*", ""));
            }
            out.put(name, String.join("", comment));
        }
        return out;
    }

    /**
     * The simple name of a class the rule waits for in working memory that no known fact is (see {@link FactTypes}),
     * or null. Patterns under {@code not}, and those fed by {@code from}, {@code collect} or {@code accumulate}, do
     * not count; under {@code or}, only when no branch can match.
     */
    static String unmatchable(RuleConditionElement e) {
        if (e instanceof GroupElement g) {
            if (g.isNot()) return null;
            if (g.isOr()) {
                String first = null;
                for (RuleConditionElement c : g.getChildren()) {
                    String u = unmatchable(c);
                    if (u == null) return null;
                    if (first == null) first = u;
                }
                return first;
            }
            for (RuleConditionElement c : g.getChildren()) {
                String u = unmatchable(c);
                if (u != null) return u;
            }
            return null;
        }
        if (e instanceof Pattern p) {
            if (p.getSource() != null && !(p.getSource() instanceof EntryPointId)) return null;
            if (p.getObjectType() instanceof ClassObjectType cot) {
                Class<?> c = cot.getClassType();
                if (c.getName().startsWith("org.drools.") || c.getName().startsWith("org.kie.")) return null;
                return FactTypes.matchable(c) ? null : c.getSimpleName();
            }
        }
        return null;
    }

    /**
     * The rule's file as findings name it: "rules/amounts.drl", relative to the rules folder's parent, so a report
     * (or a service's response) never discloses where the rules live on the machine.
     */
    private static String ruleFile(Rule rule, Map<String, Path> byResourcePath, Map<String, Path> fileOfRule, Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        String name = folder.getFileName() == null ? "rules" : folder.getFileName().toString();
        Path p = null;
        if (rule instanceof RuleImpl impl && impl.getResource() != null) {
            p = byResourcePath.get(impl.getResource().getSourcePath());
        }
        // Rules loaded from the cache carry no resource: their file is the one whose text declares them.
        if (p == null) p = fileOfRule.get(rule.getPackageName() + "/" + rule.getName());
        return p == null ? name : name + "/" + folder.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Relative to the working directory when the rules live below it, as reviewers pass "rules/…". */
    private static String displayPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** Hidden files and Office lock files (~$…) are not rule files. */
    private static boolean hidden(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") || n.startsWith("~$");
    }

    private static String readUtf8(Path file, RulesSnapshot snapshot, List<String> problems) {
        try {
            return snapshot.utf8(file);
        } catch (IOException e) {
            problems.add(displayPath(file) + "：无法读取（" + e.getMessage() + "）；规则文件须为 UTF-8 编码");
            return null;
        }
    }

    /** SHA-256 over every file of the rules folder (names and bytes; not lock or hidden files), so any edit changes it. */
    static String fingerprint(Path dir) throws RuleCompileException {
        return RulesSnapshot.read(dir).fingerprint();
    }

    /** What the rules found on one submission, and the rules that failed on it (see {@link RuleFailure}). */
    public record Outcome(List<Finding> findings, List<RuleFailure> failures) {
    }

    /**
     * Runs the rules over one submission's facts in a session of its own and returns what they found.
     * Globals: {@code findings} (the collector) and {@code params} (rule data); relations are inserted as facts.
     * A rule that throws is left out and the submission run again without it, so the other rules' findings still
     * count; the failure is returned with the rule's name, file and line. An exception that names no rule ends the run
     * with that one failure and no findings.
     */
    public Outcome run(Collection<?> facts) {
        Set<String> left = new java.util.LinkedHashSet<>();
        List<RuleFailure> failures = new ArrayList<>();
        while (true) {
            try {
                return new Outcome(runOnce(left.isEmpty() ? kieBase : without(left), facts), List.copyOf(failures));
            } catch (Cancellation.CancelledException e) {
                throw e; // the check was given up, not a rule failure
            } catch (RuntimeException e) {
                List<String> keys = ruleKeys(RuleFailures.ruleNames(e));
                keys.removeAll(left);
                String cause = RuleFailures.cause(e);
                if (keys.isEmpty()) {
                    failures.add(RuleFailure.of(null, null, null, cause));
                    return new Outcome(List.of(), List.copyOf(failures));
                }
                for (String key : keys) {
                    String name = key.substring(key.indexOf('/') + 1);
                    failures.add(RuleFailure.of(name, ruleFiles.get(key), ruleLines.get(key), cause));
                }
                left.addAll(keys);
                org.slf4j.LoggerFactory.getLogger(RuleBase.class).debug("规则 {} 运行出错", keys, e);
            }
        }
    }

    private List<Finding> runOnce(KieBase base, Collection<?> facts) {
        // the pooled sessions are of the whole rule base; one without a failed rule gets a session of its own
        KieSession session = base == kieBase ? sessions.newKieSession() : base.newKieSession();
        try {
            FindingCollector collector = new FindingCollector(ruleFiles);
            session.setGlobal("findings", collector);
            session.setGlobal("params", data.parameters);
            data.relations.forEach(session::insert);
            facts.forEach(session::insert);
            // an abandoned check fires nothing more: the filter turns every remaining match down
            session.fireAllRules(match -> !Cancellation.requested());
            Cancellation.checkpoint();
            return collector.findings();
        } finally {
            session.dispose();
        }
    }

    /** The package/name keys of the rules with these names. */
    private List<String> ruleKeys(List<String> names) {
        List<String> keys = new ArrayList<>();
        for (String name : names) {
            ruleFiles.keySet().stream().filter(k -> k.substring(k.indexOf('/') + 1).equals(name)).sorted().forEach(keys::add);
        }
        return keys;
    }

    /**
     * A copy of the compiled rule base without some rules: the compiled packages are added to a new base (Drools
     * clones a package already in use) and the rules removed from it, so nothing is compiled again and the shared
     * base is untouched.
     */
    private KieBase without(Set<String> ruleKeys) {
        return withoutRules.computeIfAbsent(Set.copyOf(ruleKeys), keys -> {
            ClassLoader loader = ((org.drools.core.impl.InternalRuleBase) kieBase).getRootClassLoader();
            org.drools.kiesession.rulebase.InternalKnowledgeBase copy = org.drools.kiesession.rulebase.KnowledgeBaseFactory
                    .newKnowledgeBase(KieServices.Factory.get().newKieBaseConfiguration(null, loader));
            copy.addPackages(kieBase.getKiePackages());
            for (String key : keys) {
                int slash = key.indexOf('/');
                copy.removeRule(key.substring(0, slash), key.substring(slash + 1));
            }
            return copy;
        });
    }

    /**
     * What {@code rules verify} warns about (the rules still run): a rule that waits for a kind of fact the recognizer
     * never inserts, a rule without a code or with a code missing from the code table, a deduction row naming an
     * unknown code or rubric item, and a number parameter outside its 取值范围.
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        Set<String> codes = data.codes.stream().map(CodeInfo::code).collect(Collectors.toSet());
        String codeFiles = data.files.containsKey(RuleData.CODES) ? String.join("、", data.files.get(RuleData.CODES)) : "问题代码表";
        for (RuleInfo r : catalog) {
            String rule = "规则“" + r.name() + "”（" + r.file() + "）";
            if (r.code() == null || r.code().isBlank()) {
                out.add(rule + "没有 @code(...)，触发时无法报告问题");
            } else if (!codes.contains(r.code())) {
                out.add(rule + "的问题代码 " + r.code() + " 不在问题代码表（" + codeFiles + "）中");
            }
        }
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String missing = neverFires.get(rule.getPackageName() + "/" + rule.getName());
                if (missing != null) {
                    out.add("规则“" + rule.getName() + "”（" + ruleFiles.get(rule.getPackageName() + "/" + rule.getName()) + "）匹配 "
                            + missing + "，但报告中不会有这种事实（已知的事实：" + FactTypes.KNOWN.stream().map(Class::getSimpleName)
                            .collect(Collectors.joining("、")) + "），这条规则永远不会触发");
                }
            }
        }
        Set<String> items = data.rubric.stream().map(RubricItem::id).collect(Collectors.toSet());
        for (DeductionRule d : data.deductions) {
            if (!codes.contains(d.code())) {
                out.add(d.source() + "：扣分对照中的问题代码 " + d.code() + " 不在问题代码表中（拼写错误？）");
            }
            if (!items.contains(d.item())) {
                out.add(d.source() + "：扣分对照中的考核项“" + d.item() + "”不在考核评分表中（应写“一级标准/二级标准”，如 "
                        + (data.rubric.isEmpty() ? "完整性/绩效自评材料完整" : data.rubric.get(0).id()) + "）");
            }
        }
        out.addAll(data.warnings);
        return out;
    }

    public Path dir() { return dir; }
    public RuleParameters parameters() { return data.parameters; }
    public List<Relation> relations() { return List.copyOf(data.relations); }
    /** The review rubric (考核评分表) items, in order. */
    public List<RubricItem> rubric() { return List.copyOf(data.rubric); }
    /** Finding code → rubric item deductions, in table order. */
    public List<DeductionRule> deductions() { return List.copyOf(data.deductions); }
    /** The finding codes with their Chinese names (问题代码表), in table order. */
    public List<CodeInfo> codes() { return List.copyOf(data.codes); }
    public List<RuleInfo> catalog() { return catalog; }
    public String fingerprint() { return fingerprint; }

    /** True when the compiled rules were loaded from the rule cache (no compiler run). */
    public boolean fromCache() { return fromCache; }
    public int ruleCount() { return catalog.size(); }
}
