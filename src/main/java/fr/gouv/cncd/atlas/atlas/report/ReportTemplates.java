package fr.gouv.cncd.atlas.atlas.report;

import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The FreeMarker templates of the PDF documents (templates/report/*.ftlx), XHTML written with XML escaping of every
 * interpolation escaped. {@code t(text)} writes a text through {@link ReportText}: escaped, and
 * with the fallback fonts for the characters Marianne lacks.
 */
@Component
class ReportTemplates {

  private final Configuration configuration;

  ReportTemplates(ReportText text) {
    configuration = new Configuration(Configuration.VERSION_2_3_32);
    configuration.setClassForTemplateLoading(ReportTemplates.class, "/templates/report");
    configuration.setDefaultEncoding("UTF-8");
    configuration.setLocale(Locale.FRANCE);
    configuration.setOutputFormat(XMLOutputFormat.INSTANCE);
    configuration.setRecognizeStandardFileExtensions(true);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setSharedVariable("t", (TemplateMethodModelEx) arguments -> {
      if (arguments.size() != 1) {
        throw new TemplateModelException("t(text) takes one argument");
      }
      Object value = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0));
      return XMLOutputFormat.INSTANCE.fromMarkup(text.xhtml(value == null ? "" : value.toString()));
    });
  }

  String render(String template, Map<String, Object> model) {
    try (StringWriter out = new StringWriter()) {
      configuration.getTemplate(template).process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("Cannot render the document template " + template, e);
    }
  }
}
