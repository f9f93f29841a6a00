package io.selfeval.report;

import io.selfeval.model.CheckReport;
import io.selfeval.model.SubmissionResult;

import java.io.IOException;

/**
 * A report written while submissions arrive, so that memory does not grow with the size of the batch: {@link #begin}
 * once, {@link #submission} for each result in input order, {@link #end} once with the totals. A writer that needs
 * the totals first (a summary at the top) keeps only compact figures per submission, not the results.
 */
public interface ReportSink {
    void begin(CheckReport.Tool tool, CheckReport.RulesInfo rules) throws IOException;

    void submission(SubmissionResult result) throws IOException;

    void end(CheckReport.Summary summary) throws IOException;
}
