package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chinese names of the finding codes and of their families, as the code table of the rules folder gives them
 * (问题代码表, rules/codes.drl.xlsx): the one source every report reads, so renaming a code there renames it in the
 * text, JSON, workbook, HTML, SARIF and annotated reports alike.
 */
public final class CodeNames {
    /** No names: codes are shown bare, families by their prefix. */
    public static final CodeNames NONE = new CodeNames(Map.of(), Map.of());

    private final Map<String, String> codes;
    private final Map<String, String> families;

    /**
     * @param codes    code → Chinese name
     * @param families family prefix → Chinese name, in the order the reports list the families
     */
    public CodeNames(Map<String, String> codes, Map<String, String> families) {
        this.codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
        this.families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
    }

    /** The names of a code catalog, its families named by {@code families} (prefix → name, in report order). */
    public static CodeNames of(List<CodeInfo> catalog, Map<String, String> families) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (CodeInfo c : catalog) {
            if (c.name() != null && !c.name().isBlank()) codes.put(c.code(), c.name());
        }
        return new CodeNames(codes, families);
    }

    /** The names a rules folder gives. */
    public static CodeNames of(RuleBase rules) {
        return of(rules.codes(), INTERIM_FAMILIES);
    }

    // Until the code table carries the family names (branch rdata): the families of finding-codes.md.
    private static final Map<String, String> INTERIM_FAMILIES = interimFamilies();

    private static Map<String, String> interimFamilies() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] pairs = {"AMT", "金额勾稽", "EXE", "预算执行", "PRJ", "项目支出", "SCR", "评分", "IND", "绩效指标",
                "CMP", "完整性", "OBJ", "客观性", "META", "基本信息", "PARSE", "文件读取"};
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    /** "预算执行率计算错误" for EXE_RATE_MISMATCH; null for a code the table does not name. */
    public String name(String code) {
        return code == null ? null : codes.get(code);
    }

    /** "AMT" for AMT_SUM_MISMATCH; a code without an underscore is its own family. */
    public static String family(String code) {
        if (code == null || code.isBlank()) return "?";
        int i = code.indexOf('_');
        return i < 0 ? code : code.substring(0, i);
    }

    /** "金额勾稽" for AMT; the prefix itself for a family the table does not name. */
    public String familyName(String family) {
        return families.getOrDefault(family, family);
    }

    /** The families the table names, in its order (each report lists them all, found or not). */
    public List<String> families() {
        return new ArrayList<>(families.keySet());
    }

    /** The finding with its code's name, unless it has one already or the table has none. */
    public Finding named(Finding f) {
        if (f.getName() != null) return f;
        String name = name(f.getCode());
        return name == null ? f : f.withName(name);
    }

    /** The result with every finding named. */
    public SubmissionResult named(SubmissionResult r) {
        List<Finding> out = new ArrayList<>(r.getFindings().size());
        boolean changed = false;
        for (Finding f : r.getFindings()) {
            Finding n = named(f);
            changed |= n != f;
            out.add(n);
        }
        return changed ? r.withFindings(out) : r;
    }
}
