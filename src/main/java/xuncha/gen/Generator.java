package xuncha.gen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes synthetic counties in the facts format, shaped like real ones: 9–15 townships, about 130
 * villages and communities, 60 schools, 100 enterprises, a few thousand people with their roles, the
 * year's meetings, the budget, assessments, evaluations, admissions and an inspection or two with
 * what they fed back. A share of the candidates for each requirement breaks it ({@code problemRate});
 * besides, county {@code i} breaks the {@code i}-th county-wide requirement, so that ten
 * counties or more make every rule fire.
 *
 * <p>Each county is drawn from its own random stream (seed and county number), so a county is the
 * same whatever the number of counties, and the output is the same for the same seed.
 */
public final class Generator {
    /** The year judged and the day the facts describe: a closed year, so shortfalls are violations. */
    public static final int YEAR = 2022;
    public static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

    private static final String[] COUNTY_NAMES = {"阳曲", "清徐", "娄烦", "古交", "平定", "盂县", "寿阳", "昔阳",
            "和顺", "左权", "榆社", "太谷", "祁县", "平遥", "介休", "灵石", "沁源", "沁县", "武乡", "襄垣",
            "黎城", "壶关", "长子", "屯留", "潞城", "平顺", "陵川", "阳城", "沁水", "高平"};
    private static final String[] PLACE = {"黄寨", "大盂", "东黄水", "泥屯", "侯村", "高村", "西凌井", "北小店",
            "杨兴", "凌井店", "凤凰", "龙泉", "石门", "柳林", "河口", "新城", "南关", "北关", "东街", "西街",
            "永安", "太平", "长乐", "青龙", "白马", "金山", "银河", "桃园", "杏花", "梨园"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
            "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "晓东", "海燕", "文博", "子涵",
            "雨轩", "浩然", "欣怡"};
    private static final String[] INDUSTRIES = {"新材料", "物流", "食品加工", "装备制造", "文旅", "现代农业",
            "电子信息", "医药"};
    private static final String[] CONTENT = {"党团共建目标管理体系建设还不成熟", "团建工作经费拨付不及时",
            "社区青年协商组织尚未建立", "团干部配备不到位", "少先队阵地建设滞后", "推优入党程序不规范"};

    private final long seed;
    private final double problemRate;

    public Generator(long seed, double problemRate) {
        this.seed = seed;
        this.problemRate = problemRate;
    }

    /** The county-wide requirements: county {@code i} breaks the one at {@code (i - 1) % size}. */
    private enum CountyProblem { REPORT, LEAD_ATTEND, LEAD_JOINT, FUND_SHARE, FUND_PIONEER, ASSESS, INSPECT, OVERDUE, LATE, LIAISON }

    /** The folder name of county {@code n} (1-based): {@code c001}. */
    public static String folder(int n) {
        return String.format("c%03d", n);
    }

    /** County {@code n}'s files, by file name, in the facts format. */
    public Map<String, String> county(int n) {
        return new County(n).write();
    }

    private final class County {
        final int n;
        final String c;
        final SplittableRandom rnd;
        final CountyProblem forced;
        final Yaml units = new Yaml();
        final Yaml people = new Yaml();
        final Yaml meetings = new Yaml();
        final Yaml records = new Yaml();
        int personCount;
        final List<String> townshipParties = new ArrayList<>();
        final List<String> departments = new ArrayList<>();

        County(int n) {
            this.n = n;
            this.c = folder(n);
            this.rnd = new SplittableRandom(seed * 1_000_003L + n);
            this.forced = CountyProblem.values()[(n - 1) % CountyProblem.values().length];
        }

        boolean problem() {
            return rnd.nextDouble() < problemRate;
        }

        boolean countyProblem(CountyProblem p) {
            return forced == p || problem();
        }

        String name() {
            return SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
        }

        String place() {
            return PLACE[rnd.nextInt(PLACE.length)];
        }

        LocalDate birth(int minAge, int maxAge) {
            return AS_OF.minusYears(minAge).minusDays(rnd.nextInt(Math.max(1, (maxAge - minAge) * 365)));
        }

        LocalDate dayOfYear() {
            return LocalDate.of(YEAR, 1, 1).plusDays(rnd.nextInt(365));
        }

        /** A person holding roles, each {@code {unit, role, …}} given as a flow map's inside. */
        String person(String kind, LocalDate birth, boolean party, boolean league, String... roles) {
            String id = c + "-p" + (++personCount) + "-" + kind;
            StringBuilder s = new StringBuilder("{id: ").append(id).append(", name: ").append(name());
            if (birth != null) {
                s.append(", birth_date: ").append(birth);
            }
            if (party) {
                s.append(", party_member: true");
            }
            if (league) {
                s.append(", league_member: true");
            }
            if (roles.length > 0) {
                s.append(", roles: [");
                for (int i = 0; i < roles.length; i++) {
                    s.append(i == 0 ? "{" : ", {").append(roles[i]).append('}');
                }
                s.append(']');
            }
            people.item(s.append('}').toString());
            return id;
        }

        Map<String, String> write() {
            String party = c + "-party";
            String league = c + "-league";
            String countyName = COUNTY_NAMES[(n - 1) % COUNTY_NAMES.length] + (n > COUNTY_NAMES.length
                    ? String.valueOf((n - 1) / COUNTY_NAMES.length + 1) : "") + "县";
            units.item("{id: " + party + ", name: 中共" + countyName + "委员会, type: county_party_committee}");
            units.item("{id: " + league + ", name: 共青团" + countyName + "委员会, type: county_league_committee, parent: "
                    + party + "}");
            person("sec", birth(45, 60), true, false, "unit: " + party + ", role: secretary");
            String leagueSecretary = person("lsec", birth(30, 38), true, true, "unit: " + league + ", role: secretary");
            person("ldep", birth(28, 35), true, true, "unit: " + league + ", role: deputy_secretary");

            int townships = 9 + rnd.nextInt(7);
            int pioneers = 0;
            Map<String, String> keyIndustries = new LinkedHashMap<>();
            for (int t = 1; t <= townships; t++) {
                township(t, party, league);
            }
            for (int d = 1; d <= 20; d++) {
                String id = c + "-d" + d;
                departments.add(id);
                units.item("{id: " + id + ", name: " + countyName + "第" + d + "局, type: department, parent: " + party + "}");
            }
            for (int s = 1; s <= 60; s++) {
                pioneers += school(s, parentOf(party));
            }
            for (int e = 1; e <= 100; e++) {
                enterprise(e, parentOf(party), keyIndustries);
            }
            for (int o = 1; o <= 5; o++) {
                String id = c + "-o" + o;
                int young = rnd.nextInt(60);
                units.item("{id: " + id + ", name: " + countyName + place() + "青年社会组织" + o
                        + ", type: social_organization, parent: " + party + ", young_members: " + young + "}");
                if (young >= 3 && !problem()) {
                    person("soi", null, false, false, "unit: " + id + ", role: league_building_instructor, source: "
                            + "social_org_leader");
                }
            }
            keyIndustries.forEach((industry, enterprise) -> {
                if (!countyProblem(CountyProblem.LIAISON)) {
                    person("li", null, false, false, "unit: " + league + ", role: industry_liaison, industry: " + industry);
                }
            });
            countyMeetings(party, leagueSecretary);
            countyRecords(party, pioneers);
            admissions();

            Map<String, String> files = new LinkedHashMap<>();
            files.put("units.yaml", "# " + countyName + "（合成数据，seed " + seed + "）\nversion: 1\nyear: " + YEAR
                    + "\nas_of: " + AS_OF + "\n\nunits:\n" + units);
            files.put("people.yaml", "people:\n" + people);
            files.put("records.yaml", "meetings:\n" + meetings + "\n" + records);
            return files;
        }

        /** Villages, schools and enterprises belong to a township, some directly to the county. */
        String parentOf(String county) {
            return rnd.nextInt(10) == 0 ? county : townshipParties.get(rnd.nextInt(townshipParties.size()));
        }

        void township(int t, String county, String countyLeague) {
            String tp = c + "-t" + t + "-party";
            String tl = c + "-t" + t + "-league";
            townshipParties.add(tp);
            String town = place() + (t % 4 == 0 ? "街道" : "镇");
            units.item("{id: " + tp + ", name: 中共" + town + "委员会, type: township_party_committee, parent: " + county + "}");
            units.item("{id: " + tl + ", name: 共青团" + town + "委员会, type: township_league_committee, parent: " + tp
                    + ", venue: " + (problem() ? "\"\"" : town + "青年之家") + ", annual_funds: "
                    + (problem() ? 0 : 3000 + rnd.nextInt(8) * 1000) + "}");
            person("tsec", birth(40, 55), true, false, "unit: " + tp + ", role: secretary");
            String leagueSecretary = null;
            if (!problem()) {
                leagueSecretary = person("tlsec", birth(26, 34), true, true, "unit: " + tl + ", role: secretary");
            }
            person("tdep", birth(35, 50), true, false, "unit: " + tp + ", role: deputy_secretary");
            if (!problem()) {
                person("pt", birth(21, 25), false, true, "unit: " + tl + ", role: part_time_deputy_secretary, source: "
                        + (problem() ? "other" : "university_student"));
            }
            if (!problem()) {
                for (int g = 0; g < 1 + rnd.nextInt(3); g++) {
                    person("ywc", birth(30, 50), false, false, "unit: " + countyLeague + ", role: youth_work_committee_member,"
                            + " source: " + (problem() ? "other" : "high_level_talent") + ", grid: " + tp);
                }
            }
            if (leagueSecretary != null) {
                evaluation(leagueSecretary, tl);
            }
            int villages = 7 + rnd.nextInt(7);
            for (int v = 1; v <= villages; v++) {
                boolean community = rnd.nextInt(5) == 0;
                String id = c + "-t" + t + (community ? "-c" : "-v") + v;
                units.item("{id: " + id + ", name: " + place() + (community ? "社区" : "村") + ", type: "
                        + (community ? "community" : "village") + ", parent: " + tp + "}");
                if (!problem()) {
                    String[] ok = {"first_secretary", "village_cadre", "social_org_leader"};
                    person("inst", null, rnd.nextBoolean(), false, "unit: " + id + ", role: league_building_instructor,"
                            + " source: " + (problem() ? "other" : ok[rnd.nextInt(ok.length)]));
                }
            }
            int held = 10 + rnd.nextInt(4);
            int reports = problem() ? 1 : 2 + rnd.nextInt(2);
            for (int m = 1; m <= held; m++) {
                meetings.item("{id: " + tp + "-m" + m + ", unit: " + tp + ", kind: party_committee, date: "
                        + LocalDate.of(YEAR, 1 + (m - 1) % 12, 5 + rnd.nextInt(20)) + ", topics: ["
                        + (m <= reports ? "league_work_report" : "other") + "]}");
            }
        }

        void evaluation(String person, String unit) {
            boolean badWeights = problem();
            int[] w = badWeights ? new int[] {25, 25, 25, 25} : new int[] {20, 20, 30, 30};
            int[] s = {70 + rnd.nextInt(30), 70 + rnd.nextInt(30), 70 + rnd.nextInt(30), 70 + rnd.nextInt(30)};
            double total = (w[0] * s[0] + w[1] * s[1] + w[2] * s[2] + w[3] * s[3]) / 100.0;
            if (problem()) {
                total += 2;
            }
            records.item("id: ev-" + unit + "\n    person: " + person + "\n    unit: " + unit + "\n    year: " + (YEAR - 1)
                    + "\n    weights: {field_inspection: " + w[0] + ", youth_review: " + w[1] + ", league_report: " + w[2]
                    + ", party_government: " + w[3] + "}\n    scores: {field_inspection: " + s[0] + ", youth_review: "
                    + s[1] + ", league_report: " + s[2] + ", party_government: " + s[3] + "}\n    total: " + total, "evaluations");
        }

        int school(int s, String parent) {
            String id = c + "-s" + s;
            boolean primary = rnd.nextInt(3) > 0;
            int pioneers = primary ? 200 + rnd.nextInt(800) : rnd.nextInt(3) == 0 ? 100 + rnd.nextInt(300) : 0;
            boolean committee = pioneers > 0 && !problem();
            units.item("{id: " + id + ", name: " + place() + (primary ? "小学" : "中学") + s + ", type: school, parent: "
                    + parent + ", level: " + (primary ? "primary" : "secondary") + ", young_pioneers: " + pioneers
                    + ", young_pioneer_committee: " + (committee || pioneers == 0) + "}");
            String principal = "unit: " + id + ", role: principal";
            String secretary = "unit: " + id + ", role: secretary";
            String director = "unit: " + id + ", role: young_pioneer_committee_director";
            if (problem()) {
                person("pri", birth(40, 58), true, false, principal);
                person("ssec", birth(40, 58), true, false, secretary);
                person("dir", birth(30, 50), false, false, director);
            } else {
                person("pri", birth(40, 58), true, false, principal, director);
                person("ssec", birth(40, 58), true, false, secretary);
            }
            if (pioneers > 0 && !problem()) {
                for (int k = 0; k < 1 + rnd.nextInt(2); k++) {
                    person("coun", birth(25, 45), false, false, "unit: " + id + ", role: brigade_counselor, monthly_allowance: "
                            + (problem() ? 800 : 1000 + rnd.nextInt(5) * 100));
                }
            }
            return pioneers;
        }

        void enterprise(int e, String parent, Map<String, String> keyIndustries) {
            String id = c + "-e" + e;
            String industry = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
            boolean key = rnd.nextInt(7) == 0;
            boolean nonPublic = rnd.nextInt(8) > 0;
            int young = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 3 + rnd.nextInt(200);
            units.item("{id: " + id + ", name: " + place() + industry + "有限公司" + e + ", type: enterprise, parent: "
                    + parent + ", industry: " + industry + ", key: " + key + ", non_public: " + nonPublic
                    + ", young_employees: " + young + "}");
            if (key) {
                keyIndustries.putIfAbsent(industry, id);
                if (!problem()) {
                    boolean old = problem();
                    person("nav", old ? birth(36, 45) : problem() ? null : birth(24, 34), false, false,
                            "unit: " + id + ", role: enterprise_navigator");
                }
            }
            if (nonPublic && young >= 3 && !problem()) {
                person("einst", null, false, false, "unit: " + id + ", role: league_building_instructor, source: other");
            }
        }

        void countyMeetings(String party, String leagueSecretary) {
            int held = 20 + rnd.nextInt(8);
            boolean noReport = countyProblem(CountyProblem.REPORT);
            boolean absent = countyProblem(CountyProblem.LEAD_ATTEND);
            for (int m = 1; m <= held; m++) {
                boolean attended = absent ? m % 2 == 0 : m % 10 != 0;
                meetings.item("{id: " + party + "-scm" + m + ", unit: " + party + ", kind: standing_committee, date: "
                        + LocalDate.of(YEAR, 1 + (m - 1) * 12 / held, 1 + rnd.nextInt(28)) + ", topics: ["
                        + (!noReport && m == held / 2 ? "league_work_report" : "other") + "]"
                        + (attended ? ", attendees: [" + leagueSecretary + "]" : "") + "}");
            }
            if (!countyProblem(CountyProblem.LEAD_JOINT)) {
                meetings.item("{id: " + party + "-jm1, unit: " + party + ", kind: youth_work_joint_meeting, date: "
                        + LocalDate.of(YEAR, 6, 10) + "}");
            }
        }

        void countyRecords(String party, int pioneers) {
            long partyBuilding = 1_000_000 + rnd.nextInt(20) * 100_000L;
            long leagueBuilding = countyProblem(CountyProblem.FUND_SHARE) ? partyBuilding / 12 : partyBuilding / 10
                    + rnd.nextInt(5) * 1000;
            long pioneerWork = Math.round(Math.ceil(pioneers * 3.5 * 0.55))
                    + (countyProblem(CountyProblem.FUND_PIONEER) ? -1000 : rnd.nextInt(2000));
            records.item("{unit: " + party + ", year: " + YEAR + ", party_building: " + partyBuilding
                    + ", league_building: " + leagueBuilding + ", young_pioneer_work: " + Math.max(0, pioneerWork) + "}",
                    "budgets");
            records.item("{unit: " + party + ", year: " + YEAR + ", includes_league_work: ["
                    + (countyProblem(CountyProblem.ASSESS) ? "party_building, year_end" : "party_building, inspection, year_end")
                    + "]}", "assessments");
            int rounds = 1 + rnd.nextInt(2);
            for (int r = 1; r <= rounds; r++) {
                String id = party + "-insp" + r;
                LocalDate start = LocalDate.of(YEAR, r == 1 ? 3 : 8, 1);
                List<String> targets = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    targets.add(departments.get((r * 7 + k * 3) % departments.size()));
                }
                StringBuilder s = new StringBuilder("id: " + id + "\n    unit: " + party + "\n    name: 第十五届县委第"
                        + (r == 1 ? "一" : "二") + "轮巡察\n    start: " + start + "\n    end: " + start.plusDays(45)
                        + "\n    covers_league_work: " + !(r == 1 && countyProblem(CountyProblem.INSPECT))
                        + "\n    targets: [" + String.join(", ", targets) + "]\n    problems:");
                int p = 0;
                for (String target : targets) {
                    LocalDate fedBack = start.plusDays(60);
                    String rectified;
                    if (p == 0 && r == 1 ? countyProblem(CountyProblem.OVERDUE) : problem()) {
                        rectified = "";                                        // never rectified: overdue
                    } else if (p == 1 && r == 1 ? countyProblem(CountyProblem.LATE) : problem()) {
                        rectified = ", rectified: " + fedBack.plusDays(61 + rnd.nextInt(30)); // rectified late
                    } else {
                        rectified = ", rectified: " + fedBack.plusDays(10 + rnd.nextInt(50));
                    }
                    s.append("\n      - {id: ").append(id).append("-pr").append(++p).append(", unit: ").append(target)
                            .append(", summary: ").append(CONTENT[rnd.nextInt(CONTENT.length)]).append(", fed_back: ")
                            .append(fedBack).append(rectified).append('}');
                }
                records.item(s.toString(), "inspections");
            }
        }

        void admissions() {
            int count = 20 + rnd.nextInt(20);
            for (int a = 1; a <= count; a++) {
                boolean notLeague = problem();
                boolean notRecommended = problem();
                String person = person("y", birth(20, 27), true, !notLeague);
                String unit = townshipParties.get(rnd.nextInt(townshipParties.size()));
                records.item("{id: " + c + "-adm" + a + ", person: " + person + ", unit: " + unit + ", date: "
                        + dayOfYear() + ", recommended_by_league: " + (!notLeague && !notRecommended) + "}", "admissions");
            }
            for (int k = 0; k < 1000; k++) {
                person("m", birth(14, 28), false, true);
            }
        }
    }

    /** Items of YAML lists, grouped by top-level key; {@link #toString()} writes them. */
    private static final class Yaml {
        private final Map<String, StringBuilder> lists = new LinkedHashMap<>();

        void item(String item) {
            item(item, "");
        }

        void item(String item, String key) {
            lists.computeIfAbsent(key, k -> new StringBuilder()).append("  - ").append(item).append('\n');
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            lists.forEach((key, items) -> {
                if (!key.isEmpty()) {
                    s.append(key).append(":\n");
                }
                s.append(items);
            });
            return s.toString();
        }
    }
}
