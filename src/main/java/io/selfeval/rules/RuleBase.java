package io.selfeval.rules;

import io.selfeval.model.DeductionRule;
import io.selfeval.model.Finding;
import io.selfeval.model.Relation;
import io.selfeval.model.RubricItem;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The rules folder compiled once: every *.drl file read from disk (UTF-8) into one KieBase, plus the rule data
 * (parameters, relations). Thread-safe to share; each submission runs in a session of its own ({@link #run}).
 */
public final class RuleBase {
    private final Path dir;
    private final KieBase kieBase;
    private final RuleParameters parameters;
    private final List<Relation> relations;
    private final List<RubricItem> rubric;
    private final List<DeductionRule> deductions;
    private final Map<String, String> ruleFiles;
    private final List<RuleInfo> catalog;
    private final String fingerprint;

    /** One compiled rule, for the catalog and provenance. */
    public record RuleInfo(String name, String code, String severity, String file) {
    }

    private RuleBase(Path dir, KieBase kieBase, RuleParameters parameters, List<Relation> relations, List<RubricItem> rubric,
                     List<DeductionRule> deductions, Map<String, String> ruleFiles, List<RuleInfo> catalog, String fingerprint) {
        this.dir = dir;
        this.kieBase = kieBase;
        this.parameters = parameters;
        this.relations = relations;
        this.rubric = rubric;
        this.deductions = deductions;
        this.ruleFiles = ruleFiles;
        this.catalog = catalog;
        this.fingerprint = fingerprint;
    }

    /** Compiles the folder; every problem (DRL syntax, unknown type, bad parameter) is reported with file and line. */
    public static RuleBase load(Path dir) throws RuleCompileException {
        if (!Files.isDirectory(dir)) {
            throw new RuleCompileException(List.of("规则目录不存在：" + dir));
        }
        List<Path> drlFiles = listDrl(dir);
        if (drlFiles.isEmpty()) {
            throw new RuleCompileException(List.of("规则目录 " + dir + " 中没有 .drl 规则文件"));
        }
        RuleParameters parameters = RuleParameters.load(dir);
        List<Relation> relations = Relations.load(dir);
        List<RubricItem> rubric = RubricData.rubric(dir);
        List<DeductionRule> deductions = RubricData.deductions(dir);

        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("io.selfeval.rules", "rules-" + UUID.randomUUID(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel module = ks.newKieModuleModel();
        // A rule with the name of another silently replaced it by default; make that an error.
        module.setConfigurationProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
        KieBaseModel base = module.newKieBaseModel("selfeval").setDefault(true).addPackage("*");
        base.newKieSessionModel("selfeval-session").setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        Map<String, Path> byResourcePath = new HashMap<>();
        for (Path drl : drlFiles) {
            String resourcePath = "src/main/resources/" + dir.relativize(drl).toString().replace('\\', '/');
            kfs.write(resourcePath, ks.getResources().newFileSystemResource(drl.toFile(), "UTF-8"));
            // Drools names the file either with or without the resources prefix, depending on the call.
            byResourcePath.put(resourcePath, drl);
            byResourcePath.put(resourcePath.substring("src/main/resources/".length()), drl);
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<String> problems = new ArrayList<>();
        java.util.Set<String> filesWithLines = new java.util.HashSet<>();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message m : errors) {
            if (m.getLine() > 0) filesWithLines.add(String.valueOf(m.getPath()));
        }
        for (Message m : errors) {
            // "Parser returned a null Package" (line 0) only repeats a syntax error already reported with its line.
            if (m.getLine() <= 0 && filesWithLines.contains(String.valueOf(m.getPath()))) continue;
            Path file = m.getPath() == null ? null : byResourcePath.get(m.getPath());
            String where = file == null ? String.valueOf(m.getPath()) : displayPath(file);
            problems.add(where + (m.getLine() > 0 ? " 第" + m.getLine() + "行：" : "：") + m.getText().strip());
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleCompileException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();

        Map<String, String> ruleFiles = new HashMap<>();
        List<RuleInfo> catalog = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String file = ruleFile(rule, byResourcePath, dir);
                ruleFiles.put(rule.getPackageName() + "/" + rule.getName(), file);
                catalog.add(new RuleInfo(rule.getName(), FindingCollector.meta(rule, "code"),
                        FindingCollector.meta(rule, "severity"), file));
            }
        }
        catalog.sort(java.util.Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name));
        return new RuleBase(dir, kieBase, parameters, relations, rubric, deductions, ruleFiles, catalog, fingerprint(dir));
    }

    private static String ruleFile(Rule rule, Map<String, Path> byResourcePath, Path dir) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null) {
            Path p = byResourcePath.get(impl.getResource().getSourcePath());
            if (p != null) return displayPath(p);
        }
        return displayPath(dir);
    }

    /** Relative to the working directory when the rules live below it, as reviewers pass "rules/…". */
    private static String displayPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static List<Path> listDrl(Path dir) throws RuleCompileException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new RuleCompileException(List.of("无法读取规则目录 " + dir + "：" + e.getMessage()));
        }
    }

    /** SHA-256 over every file of the rules folder (names and bytes), so any edit changes it. */
    static String fingerprint(Path dir) throws RuleCompileException {
        try (Stream<Path> s = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(p).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                try (InputStream in = Files.newInputStream(p)) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new RuleCompileException(List.of("无法计算规则指纹：" + e.getMessage()));
        }
    }

    /**
     * Runs the rules over one submission's facts in a session of its own and returns what they found.
     * Globals: {@code findings} (the collector) and {@code params} (rule data); relations are inserted as facts.
     */
    public List<Finding> run(Collection<?> facts) {
        KieSession session = kieBase.newKieSession();
        try {
            FindingCollector collector = new FindingCollector(ruleFiles);
            session.setGlobal("findings", collector);
            session.setGlobal("params", parameters);
            relations.forEach(session::insert);
            facts.forEach(session::insert);
            session.fireAllRules();
            return collector.findings();
        } finally {
            session.dispose();
        }
    }

    public Path dir() { return dir; }
    public RuleParameters parameters() { return parameters; }
    public List<Relation> relations() { return relations; }
    /** The review rubric (考核评分表) items, in order. */
    public List<RubricItem> rubric() { return rubric; }
    /** Finding code → rubric item deductions. */
    public List<DeductionRule> deductions() { return deductions; }
    public List<RuleInfo> catalog() { return catalog; }
    public String fingerprint() { return fingerprint; }
    public int ruleCount() { return catalog.size(); }
}
