package fr.gouv.cncd.atlas.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a mail. */
public final class Mails {

  private static final Pattern TOKEN = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

  private Mails() {}

  /** The text/plain part. */
  public static String text(Part message) {
    return part(message, "text/plain");
  }

  /** The text/html part. */
  public static String html(Part message) {
    return part(message, "text/html");
  }

  public static String subject(jakarta.mail.Message message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file names of the mail's attachments, in order. */
  public static java.util.List<String> attachments(Part message) {
    java.util.List<String> names = new java.util.ArrayList<>();
    try {
      collectAttachments(message, names);
    } catch (jakarta.mail.MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static void collectAttachments(Part part, java.util.List<String> names)
      throws jakarta.mail.MessagingException, java.io.IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      names.add(part.getFileName());
    } else if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collectAttachments(multipart.getBodyPart(i), names);
      }
    }
  }

  /** The token of the link the mail carries. */
  public static String token(Part message) {
    Matcher matcher = TOKEN.matcher(text(message));
    if (!matcher.find()) {
      throw new AssertionError("No link with a token in the mail");
    }
    return matcher.group(1);
  }

  private static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart body = multipart.getBodyPart(i);
          String found = part(body, type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
