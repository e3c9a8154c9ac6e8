package fr.gouv.cncd.atlas.atlas.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xhtmlrenderer.pdf.ITextFontResolver;

/**
 * The fonts embedded in the PDF documents (src/main/resources/report/fonts, made by
 * scripts/report/generate-fonts.sh): Marianne, the State's font, for the text, then DejaVu Sans and
 * Droid Sans Fallback for the characters Marianne does not have (names of partner cities in their
 * own script). Flying Saucer draws a run of text in one font: {@link ReportText} puts each
 * character in the first family that has it.
 */
@Component
public class ReportFonts {

  /** The font families, in the order a character looks for its glyph. */
  public enum Family {
    MARIANNE("Marianne", "report-marianne", "Marianne-Regular.ttf", "Marianne-Bold.ttf"),
    DEJAVU("DejaVu Sans", "report-dejavu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    DROID("Droid Sans Fallback", "report-droid", "DroidSansFallbackFull.ttf");

    private final String name;
    private final String cssClass;
    private final List<String> files;

    Family(String name, String cssClass, String... files) {
      this.name = name;
      this.cssClass = cssClass;
      this.files = List.of(files);
    }

    public String fontName() {
      return name;
    }

    public String cssClass() {
      return cssClass;
    }
  }

  private final Path directory;
  private final BaseFont[] regular = new BaseFont[Family.values().length];

  ReportFonts() {
    try {
      directory = Files.createTempDirectory("atlas-report-fonts-");
      directory.toFile().deleteOnExit();
      for (Family family : Family.values()) {
        for (String file : family.files) {
          try (InputStream in = ReportFonts.class.getResourceAsStream("/report/fonts/" + file)) {
            if (in == null) {
              throw new IllegalStateException("Missing font report/fonts/" + file + ": run scripts/report/generate-fonts.sh");
            }
            Path copy = directory.resolve(file);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
          }
        }
        regular[family.ordinal()] = BaseFont.createFont(directory.resolve(family.files.get(0)).toString(),
            BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the fonts of the PDF documents", e);
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot read the fonts of the PDF documents", e);
    }
  }

  /** Registers every font with a renderer's resolver, embedded (subsets) with Unicode encoding. */
  void register(ITextFontResolver resolver) {
    try {
      for (Family family : Family.values()) {
        for (String file : family.files) {
          resolver.addFont(directory.resolve(file).toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        }
      }
    } catch (IOException | DocumentException e) {
      throw new IllegalStateException("Cannot register the fonts of the PDF documents", e);
    }
  }

  /** The first family that draws this character; null when none does. */
  Family familyOf(int codePoint) {
    for (Family family : Family.values()) {
      if (regular[family.ordinal()].charExists(codePoint)) {
        return family;
      }
    }
    return null;
  }
}
