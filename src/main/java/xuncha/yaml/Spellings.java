package xuncha.yaml;

import xuncha.facts.AssessmentKind;
import xuncha.facts.EvaluationPart;
import xuncha.facts.Labelled;
import xuncha.facts.MeetingKind;
import xuncha.facts.RoleKind;
import xuncha.facts.SchoolLevel;
import xuncha.facts.Source;
import xuncha.facts.Topic;
import xuncha.facts.UnitType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a facts file may write an enum value: its spelling ({@code village}) and, since facts.md lets
 * the project accept more, the Chinese names facts.md gives it ({@code 村}) and the everyday short
 * forms that name nothing else ({@code 大队辅导员}). What a clerk writes in Chinese is read as the
 * spelling; {@code xuncha fmt} rewrites it so.
 */
public final class Spellings {
    /** Chinese names besides {@link Labelled#zh()}: the wording of facts.md and short forms in use. */
    private static final Map<Labelled, List<String>> MORE = more();

    private static final Map<Collection<?>, Map<String, ?>> CACHE = new ConcurrentHashMap<>();

    private Spellings() {
    }

    private static Map<Labelled, List<String>> more() {
        Map<Labelled, List<String>> m = new HashMap<>();
        m.put(UnitType.COUNTY_PARTY_COMMITTEE, List.of("中共县委"));
        m.put(UnitType.COUNTY_LEAGUE_COMMITTEE, List.of("共青团县委"));
        m.put(UnitType.TOWNSHIP_PARTY_COMMITTEE, List.of("乡镇党委、街道党工委", "街道党工委", "镇党委", "乡党委"));
        m.put(UnitType.TOWNSHIP_LEAGUE_COMMITTEE, List.of("乡镇（街道）团委", "乡镇(街道)团委", "街道团工委", "街道团委",
                "镇团委", "乡团委"));
        m.put(UnitType.SCHOOL, List.of("中小学校"));
        m.put(UnitType.DEPARTMENT, List.of("县直部门、单位", "县直单位"));
        m.put(RoleKind.PART_TIME_DEPUTY_SECRETARY, List.of("兼职副书记"));
        m.put(RoleKind.BRIGADE_COUNSELOR, List.of("大队辅导员"));
        m.put(Source.HIGH_LEVEL_TALENT, List.of("高层次人才"));
        m.put(Source.FIRST_SECRETARY, List.of("第一书记"));
        m.put(MeetingKind.STANDING_COMMITTEE, List.of("常委会"));
        m.put(MeetingKind.PARTY_COMMITTEE, List.of("党委会"));
        m.put(MeetingKind.YOUTH_WORK_JOINT_MEETING, List.of("联席会议"));
        m.put(Topic.LEAGUE_WORK_REPORT, List.of("听取共青团工作汇报", "共青团工作汇报"));
        m.put(Topic.OTHER, List.of("其他"));
        m.put(SchoolLevel.SECONDARY, List.of("初中", "高中"));
        return Map.copyOf(m);
    }

    /** Whether a file may name {@code value}: "not given" ({@code NONE}) is what leaving the field out means. */
    public static boolean writable(Labelled value) {
        return value != Source.NONE && value != SchoolLevel.NONE;
    }

    /** The values of an enum a file may name ({@link #writable}), in declared order. */
    @SuppressWarnings("unchecked")
    public static <E extends Enum<E> & Labelled> List<E> writable(Class<E> type) {
        // Asked for every enum field of every record: one list per enum, so that the lookup of
        // of() finds its map without a new list to hash each time.
        return (List<E>) WRITABLE.computeIfAbsent(type, t -> java.util.Arrays.stream(type.getEnumConstants())
                .filter(Spellings::writable).toList());
    }

    private static final Map<Class<?>, List<?>> WRITABLE = new ConcurrentHashMap<>();

    /** Every way a file may write {@code value}: its spelling, then its Chinese names. */
    public static List<String> written(Labelled value) {
        List<String> all = new ArrayList<>();
        all.add(value.yaml());
        all.addAll(chinese(value));
        return all;
    }

    /** The Chinese names a file may use for {@code value}, the one reports show first. */
    public static List<String> chinese(Labelled value) {
        List<String> all = new ArrayList<>();
        all.add(value.zh());
        all.addAll(MORE.getOrDefault(value, List.of()));
        return all;
    }

    /**
     * {@link #of} of {@link #writable(Class)}, found by the enum's class: a list as a key is hashed
     * element by element on every lookup, and every enum field of every record looks one up.
     */
    @SuppressWarnings("unchecked")
    static <E extends Enum<E> & Labelled> Map<String, E> ofWritable(Class<E> type) {
        return (Map<String, E>) BY_TYPE.get(type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final ClassValue<Map<String, ?>> BY_TYPE = new ClassValue<>() {
        @Override
        protected Map<String, ?> computeValue(Class<?> type) {
            return of(writable((Class) type));
        }
    };

    /** The values of {@code allowed} by every way a file may write them. */
    @SuppressWarnings("unchecked")
    static <E extends Labelled> Map<String, E> of(Collection<E> allowed) {
        return (Map<String, E>) CACHE.computeIfAbsent(allowed, a -> {
            Map<String, E> byName = new HashMap<>();
            for (E e : allowed) {
                written(e).forEach(name -> byName.putIfAbsent(name, e));
            }
            return Map.copyOf(byName);
        });
    }

    /** The value {@code written} stands for among {@code allowed}: its spelling or one of its Chinese names. */
    public static <E extends Labelled> Optional<E> read(String written, Collection<E> allowed) {
        return Optional.ofNullable(of(allowed).get(written));
    }

    /** The four parts of an evaluation by their Chinese names, for the keys of {@code weights} and {@code scores}. */
    public static Map<String, String> partKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (EvaluationPart p : EvaluationPart.values()) {
            chinese(p).forEach(name -> keys.put(name, p.yaml()));
        }
        return keys;
    }

    /** A boolean as a clerk writes it: 是 or 否. */
    public static String yesNo(boolean value) {
        return value ? "是" : "否";
    }

    /** Both of {@link #yesNo(boolean)}: the drop-down list and the schema's values. */
    public static final List<String> YES_NO = List.of(yesNo(true), yesNo(false));

    /** The booleans a file may write in Chinese. */
    public static Optional<Boolean> yesNo(String written) {
        return written.equals(yesNo(true)) ? Optional.of(true) : written.equals(yesNo(false)) ? Optional.of(false)
                : Optional.empty();
    }

    /** Every Chinese spelling of the enums a facts file holds, for the documentation and the schema. */
    public static List<Labelled> all() {
        List<Labelled> all = new ArrayList<>();
        for (Class<? extends Labelled> type : List.of(UnitType.class, RoleKind.class, Source.class, MeetingKind.class,
                Topic.class, AssessmentKind.class, EvaluationPart.class, SchoolLevel.class)) {
            for (Labelled l : type.getEnumConstants()) {
                if (writable(l)) {
                    all.add(l);
                }
            }
        }
        return all;
    }

}
