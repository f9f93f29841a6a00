package io.selfeval.rules;

import io.selfeval.model.DeductionRule;
import io.selfeval.model.Finding;
import io.selfeval.model.Relation;
import io.selfeval.model.RubricItem;
import io.selfeval.recognize.Vocabulary;
import io.selfeval.rules.data.DataTable;
import io.selfeval.rules.data.DataWorkbook;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The rules folder compiled once: every *.drl file read from disk (UTF-8) into the KieBase that checks submissions,
 * and every data sheet (*.drl.xlsx) read as data into the parameters, relations, rubric, deductions, code catalog and
 * code families. Thread-safe to share; each submission runs in a session of its own ({@link #run}).
 */
public final class RuleBase {
    private static final String RESOURCES = "src/main/resources/";

    private final Path dir;
    private final KieBase kieBase;
    /** Runs the rules over submissions (sessions, and rules left out after they fail). */
    private final RuleSessions running;
    private final RuleData data;
    /** The recognizer's words (subject names, indicator levels …), from the parameters table. */
    private final Vocabulary vocabulary;
    private final Map<String, String> ruleFiles;
    private final List<RuleInfo> catalog;
    private final Map<String, String> neverFires;
    private final String fingerprint;
    /** package/name → the line of the rule's "rule" keyword in its file. */
    private final Map<String, Integer> ruleLines;
    /** The wordings of the rules' messages (messages.properties). */
    private final MessageTemplates messages;
    /** What rules verify warns about the message file (wordings no rule uses). */
    private final List<String> messageWarnings;
    /** Whether the rules came from the rule cache rather than the compiler (for bench and tests). */
    private final boolean fromCache;

    /**
     * One compiled rule, for the catalog and provenance: its name, finding code and severity (metadata), the file it
     * is in, and a description (its {@code @description(...)} metadata, or the comment lines just above it).
     */
    public record RuleInfo(String name, String code, String severity, String file, String description) {
    }

    private RuleBase(Path dir, KieBase kieBase, KieSessionsPool sessions, RuleData data, Vocabulary vocabulary,
                     Map<String, String> ruleFiles, List<RuleInfo> catalog, Map<String, String> neverFires, String fingerprint,
                     Map<String, Integer> ruleLines, MessageTemplates messages, List<String> messageWarnings,
                     boolean fromCache) {
        this.dir = dir;
        this.kieBase = kieBase;
        this.data = data;
        this.vocabulary = vocabulary;
        this.ruleFiles = ruleFiles;
        this.catalog = catalog;
        this.neverFires = neverFires;
        this.fingerprint = fingerprint;
        this.ruleLines = ruleLines;
        this.messages = messages;
        this.messageWarnings = messageWarnings;
        this.fromCache = fromCache;
        this.running = new RuleSessions(kieBase, sessions, data.parameters, data.relations, ruleFiles, ruleLines, messages);
    }

    /**
     * Compiles the folder. Every problem is reported: DRL syntax or an unknown type with file and line, a table with
     * file, sheet and cell (a value that is not a number, an unknown relation kind, a blank row inside a table...).
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
        List<Path> tableFiles = snapshot.topLevel().stream().filter(DataWorkbook::isTableFile).toList();
        if (drlFiles.isEmpty()) {
            throw new RuleCompileException(List.of("规则目录 " + dir + " 中没有 .drl 规则文件"));
        }
        // The data sheets are read (no compiler, no cache) on a second thread while this one loads or compiles the
        // rule files: the two do not depend on each other until a session runs, and start-up time matters.
        java.util.concurrent.CompletableFuture<TablesResult> tables =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> loadTables(tableFiles, snapshot), task -> {
                    Thread t = new Thread(task, "selfeval-rule-tables");
                    t.setDaemon(true);
                    t.start();
                });

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
            Matcher m = DrlHeads.PACKAGE.matcher(text);
            String pkg = m.find() ? m.group(1) : "defaultpkg";
            String resourcePath = RESOURCES + pkg.replace('.', '/') + "/" + drl.getFileName();
            resources.put(drl, resourcePath);
            for (String name : DrlHeads.ruleLines(Map.of(drl.toString(), text)).keySet()) fileOfRule.putIfAbsent(name, drl);
            // Drools names the file either with or without the resources prefix, depending on the call.
            byResourcePath.put(resourcePath, drl);
            byResourcePath.put(resourcePath.substring(RESOURCES.length()), drl);
        }
        KieBase kieBase = problems.isEmpty() ? RuleCache.load(cache, snapshot.fingerprint()) : null;
        boolean compiled = kieBase == null;
        if (kieBase == null) {
            ReleaseId releaseId = ks.newReleaseId("io.selfeval.rules", "rules-" + UUID.randomUUID(), "1.0.0");
            KieBuilder builder = ks.newKieBuilder(fileSystem(ks, releaseId, resources, snapshot)).buildAll();
            problems.addAll(CompileProblems.of(builder.getResults().getMessages(Message.Level.ERROR), byResourcePath, drlText));
            if (problems.isEmpty()) kieBase = ks.newKieContainer(releaseId).getKieBase();
            ks.getRepository().removeKieModule(releaseId);
        }
        // A rule file the compiler rejected may read wrongly to the message check: its messages are checked once it compiles.
        boolean ruleFilesCompiled = problems.isEmpty();
        KieSessionsPool sessions = kieBase == null ? null : kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());

        TablesResult data;
        try {
            data = tables.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
        problems.addAll(data.problems());
        Vocabulary vocabulary = null;
        if (data.data() != null) {
            Set<String> paramFiles = data.data().files.getOrDefault(RuleData.PARAMETERS, Set.of());
            problems.addAll(ParameterUses.problems(drlText, data.data().parameters,
                    paramFiles.isEmpty() ? "未找到参数表" : String.join("、", paramFiles)));
            try {
                vocabulary = RuleVocabulary.of(data.data().parameters);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        MessageTemplates messages = MessageTemplates.read(snapshot, displayPath(dir.resolve(MessageTemplates.FILE)));
        problems.addAll(messages.problems());
        if (ruleFilesCompiled) problems.addAll(MessageUses.problems(drlText, messages));
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
                    String missing = FactTypes.unmatchable(impl.getLhs());
                    if (missing != null) neverFires.put(rule.getPackageName() + "/" + rule.getName(), missing);
                }
                // A rule that only derives facts for other rules (@derives) reports nothing: it is not in the catalog.
                if (rule.getMetaData().containsKey("derives")) continue;
                String description = FindingCollector.meta(rule, "description");
                if (description == null || description.isBlank()) {
                    description = comments.computeIfAbsent(file, f -> DrlHeads.ruleComments(drlText.get(f))).get(rule.getName());
                }
                catalog.add(new RuleInfo(rule.getName(), FindingCollector.meta(rule, "code"),
                        FindingCollector.meta(rule, "severity"), file, description == null ? "" : description));
            }
        }
        catalog.sort(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name));
        return new RuleBase(dir, kieBase, sessions, data.data(), vocabulary, ruleFiles, catalog, neverFires,
                snapshot.fingerprint(), DrlHeads.ruleLines(drlText), messages, MessageUses.warnings(drlText, messages, codeOfRule(catalog)),
                !compiled);
    }

    /** Rule name → its finding code, for the rules that report. */
    private static Map<String, String> codeOfRule(List<RuleInfo> catalog) {
        Map<String, String> out = new HashMap<>();
        for (RuleInfo r : catalog) if (r.code() != null) out.putIfAbsent(r.name(), r.code());
        return out;
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
            Matcher m = DrlHeads.PACKAGE.matcher(text);
            String pkg = m.find() ? m.group(1) : "defaultpkg";
            resources.put(drl, RESOURCES + pkg.replace('.', '/') + "/" + drl.getFileName());
        }
        KieServices ks = KieServices.Factory.get();
        return Map.entry(() -> cacheProject(ks, resources, snapshot), new java.util.TreeSet<>(DrlHeads.ruleLines(texts).keySet()));
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

    /** The data sheets read as data; the problems of every file are listed together (file, sheet and cell). */
    private static TablesResult loadTables(List<Path> tableFiles, RulesSnapshot snapshot) {
        long started = System.nanoTime();
        try {
            return readTables(tableFiles, snapshot);
        } finally {
            org.slf4j.LoggerFactory.getLogger(RuleBase.class).debug("规则数据表读取用时 {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static TablesResult readTables(List<Path> tableFiles, RulesSnapshot snapshot) {
        List<String> problems = new ArrayList<>();
        List<DataTable> tables = new ArrayList<>();
        for (Path table : tableFiles) {
            DataWorkbook.Read read = DataWorkbook.read(snapshot.bytes(table), table, displayPath(table), RuleData.COLUMNS);
            tables.addAll(read.tables());
            problems.addAll(read.problems());
        }
        if (!problems.isEmpty()) return new TablesResult(null, problems);
        try {
            return new TablesResult(RuleData.build(tables), List.of());
        } catch (RuleCompileException e) {
            return new TablesResult(null, e.getProblems());
        }
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
    static String displayPath(Path p) {
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
        return running.run(facts);
    }

    /**
     * What {@code rules verify} warns about (the rules still run): a rule that waits for a kind of fact the recognizer
     * never inserts, a rule without a code or with a code missing from the code table, a deduction row naming an
     * unknown code or rubric item, a code whose family is not in the code families table, a number parameter
     * outside its 取值范围, and a wording of the message file no rule uses.
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
        if (vocabulary != null) out.addAll(RuleVocabulary.unknownStandardWeights(data.parameters, vocabulary));
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
        Set<String> families = data.families.stream().map(RuleData.CodeFamily::family).collect(Collectors.toSet());
        for (CodeInfo c : data.codes) {
            String family = c.code().contains("_") ? c.code().substring(0, c.code().indexOf('_')) : c.code();
            if (!families.contains(family)) {
                out.add(c.source() + "：问题代码 " + c.code() + " 的类别 " + family + " 不在代码类别表中（报告按类别汇总时没有中文名称）");
            }
        }
        out.addAll(data.warnings);
        out.addAll(messageWarnings);
        return out;
    }

    public Path dir() { return dir; }
    public RuleParameters parameters() { return data.parameters; }
    public Vocabulary vocabulary() { return vocabulary; }
    public List<Relation> relations() { return List.copyOf(data.relations); }
    /** The review rubric (考核评分表) items, in order. */
    public List<RubricItem> rubric() { return List.copyOf(data.rubric); }
    /** Finding code → rubric item deductions, in table order. */
    public List<DeductionRule> deductions() { return List.copyOf(data.deductions); }
    /** The finding codes with their Chinese names (问题代码表), in table order. */
    public List<CodeInfo> codes() { return List.copyOf(data.codes); }

    /** Code family (the code's prefix before its first underscore, AMT) → its Chinese name (代码类别表), in table order. */
    public Map<String, String> codeFamilies() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RuleData.CodeFamily f : data.families) out.put(f.family(), f.name());
        return java.util.Collections.unmodifiableMap(out);
    }
    public List<RuleInfo> catalog() { return catalog; }
    public String fingerprint() { return fingerprint; }

    /** True when the compiled rules were loaded from the rule cache (no compiler run). */
    public boolean fromCache() { return fromCache; }
    public int ruleCount() { return catalog.size(); }
}
