package xuncha.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts format as a workbook (台账): a sheet per record kind, a column per field, Chinese headers.
 * A row is a record; where a record holds a list of others (a person's roles, a round's problems),
 * the rows that follow it with the same id, or with its id left blank, add to it. Lists of values
 * (topics, attendees, targets, assessments) are written in one cell, separated by 、 or a comma.
 * The table is shared by the reader ({@link WorkbookReader}) and the writer of {@code xuncha
 * convert} and {@code xuncha template}.
 */
public final class WorkbookFormat {
    /** How a column's cells become a field. */
    public enum Kind {
        /** One value of the record. */
        VALUE,
        /** A list of values in one cell. */
        LIST,
        /** One value of the record nested in the row's record ({@code roles}, {@code problems}). */
        NESTED,
        /** One part of a mapping field: {@code weights.field_inspection}. */
        PART
    }

    /**
     * One column.
     *
     * @param header the heading the writer writes and the reader looks for (the field's name is accepted too)
     * @param field  the field of the facts format: {@code name}, or {@code roles.unit}, {@code weights.youth_review}
     */
    public record Column(String header, String field, Kind kind) {
        /** The field's own name: {@code unit} of {@code roles.unit}. */
        public String leaf() {
            return field.substring(field.indexOf('.') + 1);
        }

        /** The field that holds it: {@code roles} of {@code roles.unit}; the field itself for a plain one. */
        public String holder() {
            int dot = field.indexOf('.');
            return dot < 0 ? field : field.substring(0, dot);
        }
    }

    /**
     * One sheet.
     *
     * @param key the top-level key of the facts format its rows are items of; {@code ""} for the sheet of
     *            the year and the day
     * @param nested the list field its continuation rows add to ({@code roles}), or {@code ""}
     */
    public record Sheet(String name, String key, String nested, List<Column> columns) {
    }

    /** The sheet of the year and the day the facts describe. */
    public static final String BASICS = "基本信息";

    public static final List<Sheet> SHEETS = List.of(
            new Sheet(BASICS, "", "", List.of(value("考核年度", "year"), value("截至日期", "as_of"))),
            new Sheet("单位", "units", "", List.of(value("编号", "id"), value("名称", "name"), value("类型", "type"),
                    value("上级单位编号", "parent"), value("活动阵地", "venue"), value("年度工作经费（元）", "annual_funds"),
                    value("学段", "level"), value("少先队员人数", "young_pioneers"),
                    value("已成立少工委", "young_pioneer_committee"), value("所属行业", "industry"),
                    value("县域重点企业", "key"), value("非公企业", "non_public"),
                    value("35岁及以下职工数", "young_employees"), value("35岁及以下成员数", "young_members"))),
            new Sheet("人员及职务", "people", "roles", List.of(value("人员编号", "id"), value("姓名", "name"),
                    value("出生日期", "birth_date"), value("党员", "party_member"), value("团员", "league_member"),
                    nested("任职单位编号", "roles.unit"), nested("职务", "roles.role"), nested("来源", "roles.source"),
                    nested("网格编号", "roles.grid"), nested("联系行业", "roles.industry"),
                    nested("月津贴（元）", "roles.monthly_allowance"))),
            new Sheet("会议", "meetings", "", List.of(value("编号", "id"), value("召开单位编号", "unit"),
                    value("类型", "kind"), value("日期", "date"), list("议题", "topics"), list("列席人员编号", "attendees"))),
            new Sheet("预算", "budgets", "", List.of(value("县委编号", "unit"), value("年度", "year"),
                    value("党建经费（元）", "party_building"), value("团建工作经费（元）", "league_building"),
                    value("少工委工作经费（元）", "young_pioneer_work"))),
            new Sheet("考核", "assessments", "", List.of(value("党委编号", "unit"), value("年度", "year"),
                    list("纳入团的工作的考核", "includes_league_work"))),
            new Sheet("团干部考核", "evaluations", "", List.of(value("编号", "id"), value("人员编号", "person"),
                    value("团委编号", "unit"), value("年度", "year"),
                    part("权重-实地考察", "weights.field_inspection"), part("权重-青年点评", "weights.youth_review"),
                    part("权重-团内述职", "weights.league_report"), part("权重-党政主评", "weights.party_government"),
                    part("得分-实地考察", "scores.field_inspection"), part("得分-青年点评", "scores.youth_review"),
                    part("得分-团内述职", "scores.league_report"), part("得分-党政主评", "scores.party_government"),
                    value("总分", "total"))),
            new Sheet("发展党员", "admissions", "", List.of(value("编号", "id"), value("人员编号", "person"),
                    value("党委编号", "unit"), value("入党日期", "date"), value("经团组织推优", "recommended_by_league"))),
            new Sheet("巡察及问题", "inspections", "problems", List.of(value("巡察编号", "id"),
                    value("组织单位编号", "unit"), value("巡察名称", "name"), value("开始日期", "start"),
                    value("结束日期", "end"), value("纳入党建带团建", "covers_league_work"), list("巡察对象编号", "targets"),
                    nested("问题编号", "problems.id"), nested("被反馈单位编号", "problems.unit"),
                    nested("问题摘要", "problems.summary"), nested("反馈日期", "problems.fed_back"),
                    nested("整改完成日期", "problems.rectified"))));

    /** Sheets the reader passes over: instructions and notes a clerk keeps beside the data. */
    public static boolean isNotes(String sheet) {
        return sheet.startsWith("说明") || sheet.startsWith("填写说明") || sheet.startsWith("备注");
    }

    private WorkbookFormat() {
    }

    public static Optional<Sheet> sheet(String name) {
        return SHEETS.stream().filter(s -> s.name().equals(name.strip())).findFirst();
    }

    /** The column a heading names: its Chinese heading, or the field it stands for. */
    public static Optional<Column> column(Sheet sheet, String heading) {
        String h = heading.strip();
        return sheet.columns().stream().filter(c -> c.header().equals(h) || c.field().equals(h)).findFirst();
    }

    /** Every sheet's name, for messages. */
    public static List<String> names() {
        return SHEETS.stream().map(Sheet::name).toList();
    }

    static Map<String, Sheet> byKey() {
        Map<String, Sheet> out = new java.util.LinkedHashMap<>();
        SHEETS.forEach(s -> out.put(s.key(), s));
        return out;
    }

    private static Column value(String header, String field) {
        return new Column(header, field, Kind.VALUE);
    }

    private static Column list(String header, String field) {
        return new Column(header, field, Kind.LIST);
    }

    private static Column nested(String header, String field) {
        return new Column(header, field, Kind.NESTED);
    }

    private static Column part(String header, String field) {
        return new Column(header, field, Kind.PART);
    }
}
