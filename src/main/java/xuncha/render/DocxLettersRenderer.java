package xuncha.render;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import xuncha.problems.Messages;
import xuncha.report.Report;
import xuncha.report.Texts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One feedback letter (巡察反馈意见) per unit with findings, as a Word document a county office prints
 * and seals: the title, the unit addressed by name, the problems numbered with the requirement each
 * breaks and its deadline, what the unit is to do, the sender and the date. With {@code --output DIR}
 * one file per unit, named by the unit; with {@code --output FILE.docx} all letters in one document,
 * each on its own pages. The Markdown letters remain as {@code letters-md}.
 */
public final class DocxLettersRenderer implements Renderer {
    private final String sender;

    DocxLettersRenderer() {
        this("");
    }

    /** @param sender who signs the letters (巡察组, 巡察办 …); "" for the default of the language */
    DocxLettersRenderer(String sender) {
        this.sender = sender;
    }

    @Override
    public Renderer with(Options options) {
        return new DocxLettersRenderer(options.sender());
    }

    @Override
    public String name() {
        return "letters";
    }

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public boolean isFolder() {
        return true;
    }

    @Override
    public String pieces() {
        return "letters";
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        try (XWPFDocument doc = document(report)) {
            boolean first = true;
            for (List<Report.Entry> entries : units(report).values()) {
                if (!first) {
                    doc.createParagraph().createRun().addBreak(BreakType.PAGE);
                }
                letter(doc, report, entries);
                first = false;
            }
            out.write(steady(doc, report));
        }
    }

    @Override
    public Map<String, byte[]> files(Report report) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, List<Report.Entry>> unit : units(report).entrySet()) {
            Report.Entry first = unit.getValue().get(0);
            String name = fileName(first.unitName());
            if (!names.add(name)) {
                name = fileName(first.unitName() + "（" + unit.getKey() + "）");
                names.add(name);
            }
            try (XWPFDocument doc = document(report)) {
                letter(doc, report, unit.getValue());
                files.put(name + ".docx", steady(doc, report));
            }
        }
        return files;
    }

    /**
     * The document's bytes with every part dated by the facts rather than by the clock, as the zip
     * format records it: the same report gives the same file, which a golden test and an office
     * comparing two runs can rely on.
     */
    private static byte[] steady(XWPFDocument doc, Report report) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        doc.write(written);
        long time = report.asOf().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(written.toByteArray()));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(time);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A unit's name as a file name on Windows and Linux: the characters neither allows replaced. */
    static String fileName(String unitName) {
        String s = unitName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return s.isEmpty() ? "_" : s.length() > 100 ? s.substring(0, 100) : s;
    }

    /** The units with findings to feed back, in the order of the organisation; waived findings are left out. */
    private static Map<String, List<Report.Entry>> units(Report report) {
        return Wording.fedBack(report.byUnitInHierarchy());
    }

    /** A document dated by the facts, not by the run: the same run gives the same document. */
    private static XWPFDocument document(Report report) {
        XWPFDocument doc = new XWPFDocument();
        var core = doc.getProperties().getCoreProperties();
        core.setCreated(Optional.of(Date.from(report.asOf().atStartOfDay(ZoneOffset.UTC).toInstant())));
        core.setCreator("xuncha");
        core.setTitle(Messages.word(zh(report), "letter.title"));
        return doc;
    }

    private static boolean zh(Report report) {
        return "zh".equals(report.lang());
    }

    private void letter(XWPFDocument doc, Report report, List<Report.Entry> entries) {
        boolean zh = zh(report);
        String lang = report.lang();
        Report.Entry first = entries.get(0);
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingAfter(400);
        text(title, Messages.word(zh, "letter.title"), 22, true, "黑体");
        text(doc.createParagraph(), Messages.word(zh, "letter.to", first.unitName()), 16, true, "仿宋");
        body(doc, Messages.word(zh, entries.size() == 1 ? "letter.lead_one" : "letter.lead", report.year(),
                Texts.format(report.asOf(), lang), entries.size()));
        Wording.unitRound(report, first.unit(), zh).ifPresent(line -> body(doc, line));
        int n = 0;
        for (Report.Entry e : Wording.roundOrder(report, entries)) {
            body(doc, Wording.letterProblem(report, ++n, e, zh));
            body(doc, Messages.word(zh, "letter.requirement", e.title()));
            Wording.deadline(e.tracking(), report.asOf(), zh).ifPresent(d -> body(doc, Messages.word(zh, "letter.deadline", d)));
        }
        List<Report.Entry> rectified = report.rounds().rectified().stream()
                .filter(e -> e.unit().equals(first.unit())).toList();
        if (!rectified.isEmpty()) {
            body(doc, Messages.word(zh, "letter.rectified"));
            int k = 0;
            for (Report.Entry e : rectified) {
                body(doc, Messages.word(zh, "letter.problem", ++k, e.message()));
            }
        }
        body(doc, Messages.word(zh, "letter.ask"));
        XWPFParagraph from = doc.createParagraph();
        from.setAlignment(ParagraphAlignment.RIGHT);
        from.setSpacingBefore(600);
        text(from, sender.isBlank() ? Messages.word(zh, "letter.sender") : sender, 16, false, "仿宋");
        XWPFParagraph date = doc.createParagraph();
        date.setAlignment(ParagraphAlignment.RIGHT);
        text(date, Texts.format(report.asOf(), lang), 16, false, "仿宋");
    }

    /** A paragraph of the body: 三号 仿宋, the first line indented by two characters. */
    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        p.setSpacingBetween(1.5);
        text(p, text, 16, false, "仿宋");
    }

    private static void text(XWPFParagraph p, String text, int points, boolean bold, String font) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontSize(points);
        run.setBold(bold);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
    }
}
