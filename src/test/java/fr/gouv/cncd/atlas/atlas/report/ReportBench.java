package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.atlas.AtlasHistory;
import java.util.function.UnaryOperator;

/** For the benchmark: the XHTML the compte-rendu step renders, to time a bare render of the same. */
public final class ReportBench {

  private ReportBench() {}

  public static String xhtml(AtlasReports reports, AtlasHistory.Version version) {
    return reports.reportXhtml(version, UnaryOperator.identity());
  }
}
