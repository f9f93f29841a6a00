package io.selfeval.model;

import java.util.List;

/**
 * A total stated together with its parts: "实际支出1253.78万元，其中：基本支出1144.41万元，项目支出90万元", a table row
 * and the rows listed under it, or the 按收入性质/按支出性质 split of a funds block. Whether the parts must add up
 * to the total or only stay below it is decided by the relation data in rules/.
 */
public final class Breakdown {
    private final String name;
    private final Figure total;
    private final List<Figure> parts;
    private final Location location;

    /**
     * @param name what the relations table (rules/relations.drl.xlsx) calls this total: the total's subject, or 按收入性质分 / 按支出性质分 for the
     *             splits of a funds block
     */
    public Breakdown(String name, Figure total, List<Figure> parts, Location location) {
        this.name = name;
        this.total = total;
        this.parts = List.copyOf(parts);
        this.location = location;
    }

    public Figure getTotal() { return total; }
    public List<Figure> getParts() { return parts; }
    public Location getLocation() { return location; }

    public String getTotalSubject() {
        return name;
    }

    public List<String> getPartSubjects() {
        return parts.stream().map(Figure::getSubject).toList();
    }
}
