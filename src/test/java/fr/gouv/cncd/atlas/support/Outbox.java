package fr.gouv.cncd.atlas.support;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Reads the mails the embedded default wrote to its outbox folder. */
public final class Outbox {

  public static final Path FOLDER = Path.of("target/test-data/outbox");

  private Outbox() {}

  /** Mails whose idempotence key (in the file name) contains the given text. */
  public static List<MimeMessage> mails(String keyPart) {
    return mails(FOLDER, keyPart);
  }

  /** Mails of another outbox folder whose idempotence key contains the given text ("" for all). */
  public static List<MimeMessage> mails(Path folder, String keyPart) {
    try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
      return files.filter(f -> f.getFileName().toString().contains(keyPart)).sorted().map(Outbox::read).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token of the link in a mail (activation, password). */
  public static String token(MimeMessage message) {
    return Mails.token(message);
  }

  private static MimeMessage read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
