package fr.gouv.cncd.atlas.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server in the test JVM (GreenMail), shared by every test context. */
public final class TestMailServer {

  private static GreenMail server;
  private static int port;

  private TestMailServer() {}

  public static synchronized GreenMail get() {
    if (server == null) {
      port = freePort();
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  public static int port() {
    get();
    return port;
  }

  /** Stops the SMTP server, as an outage would. */
  public static synchronized void stop() {
    get().stop();
  }

  /** Starts it again on the same port. */
  public static synchronized void restart() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  public static List<MimeMessage> messagesTo(String address) {
    return Arrays.stream(get().getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
