package xuncha.check;

import xuncha.engine.RulePack;
import xuncha.report.Report;

/**
 * What a check gives back: the report, with the previous round's tracking, the waivers and the
 * unit scope applied, and the pack that judged it.
 */
public record CheckResult(RulePack rules, Report report) {
}
