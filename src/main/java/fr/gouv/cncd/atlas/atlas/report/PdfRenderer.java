package fr.gouv.cncd.atlas.atlas.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import org.springframework.stereotype.Component;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;

/**
 * XHTML → PDF with Flying Saucer: the document's fonts embedded, its title, author and subject
 * taken from its {@code <head>} ({@code <title>}, {@code <meta name="author">}…) into the PDF's
 * information, and its language (fr-FR) in the catalogue.
 */
@Component
public class PdfRenderer {

  private final ReportFonts fonts;

  PdfRenderer(ReportFonts fonts) {
    this.fonts = fonts;
  }

  public byte[] render(String xhtml) {
    ITextRenderer renderer = new ITextRenderer();
    fonts.register(renderer.getFontResolver());
    renderer.setListener(new PDFCreationListener() {
      @Override
      public void preOpen(ITextRenderer iTextRenderer) {
        // nothing before the document opens
      }

      @Override
      public void preWrite(ITextRenderer iTextRenderer, int pageCount) {
        PdfWriter writer = iTextRenderer.getWriter();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("fr-FR"));
      }

      @Override
      public void onClose(ITextRenderer iTextRenderer) {
        // nothing after the document closes
      }
    });
    renderer.setDocumentFromString(xhtml);
    renderer.layout();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      renderer.createPDF(out);
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot write the PDF document", e);
    }
    return out.toByteArray();
  }
}
