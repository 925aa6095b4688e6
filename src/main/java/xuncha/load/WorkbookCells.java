package xuncha.load;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import xuncha.facts.Location;
import xuncha.problems.Diagnostics;

import java.math.BigDecimal;

/**
 * What every reader of a user's workbook shares (the facts workbook, the filled 问题清单): cells as they
 * are written — a date as YYYY-MM-DD, a number without grouping or exponent — and a workbook POI
 * cannot read said in the user's words.
 */
public final class WorkbookCells extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Says why the workbook {@code shown} could not be read: not a workbook at all; one of POI's guards
     * against a hostile file (an entry that inflates a hundredfold or more, one too large); or anything
     * else POI cannot read, with its reason.
     */
    public static void cannotRead(Exception e, String shown, Diagnostics problems) {
        if (e instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                || e instanceof org.apache.poi.openxml4j.exceptions.InvalidFormatException) {
            problems.say(Location.ofFile(shown), "workbook.not_xlsx");
            return;
        }
        String why = String.valueOf(e.getMessage());
        if (why.contains("Zip bomb") || why.contains("exceed the max")) {
            problems.say(Location.ofFile(shown), "workbook.inflates");
        } else {
            problems.say(Location.ofFile(shown), "workbook.unreadable", why.lines().findFirst().orElse(""));
        }
    }
}
