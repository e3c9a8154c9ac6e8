package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.atlas.report.ReportFonts.Family;
import org.springframework.stereotype.Component;

/**
 * Text, typed by users or not, as the XHTML of a PDF document: every character escaped (markup in a
 * title is printed as text, never rendered), line breaks kept, characters XML cannot carry dropped,
 * and each run of characters that Marianne lacks wrapped in the class of the first fallback font
 * that has them.
 */
@Component
public class ReportText {

  private final ReportFonts fonts;

  ReportText(ReportFonts fonts) {
    this.fonts = fonts;
  }

  public String xhtml(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    Family open = Family.MARIANNE;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\r') {
        continue;
      }
      if (c == '\n') {
        out.append("<br/>");
        continue;
      }
      if (!allowedInXml(c)) {
        continue;
      }
      Family family = Character.isWhitespace(c) ? open : fonts.familyOf(c);
      if (family == null) {
        family = open; // drawn as the font's missing glyph rather than dropped
      }
      if (family != open) {
        if (open != Family.MARIANNE) {
          out.append("</span>");
        }
        if (family != Family.MARIANNE) {
          out.append("<span class=\"").append(family.cssClass()).append("\">");
        }
        open = family;
      }
      escape(c, out);
    }
    if (open != Family.MARIANNE) {
      out.append("</span>");
    }
    return out.toString();
  }

  private static void escape(int c, StringBuilder out) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.appendCodePoint(c);
    }
  }

  /** XML 1.0's characters: tab, line feed, and no other control character, no lone surrogate, no U+FFFE/FFFF. */
  private static boolean allowedInXml(int c) {
    return c == '\t' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
