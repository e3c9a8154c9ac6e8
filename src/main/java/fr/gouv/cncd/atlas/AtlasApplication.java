package fr.gouv.cncd.atlas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import java.time.Clock;

/** Atlas CNCD: the teleprocedure through which French local authorities update the Atlas. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AtlasApplication {

  public static void main(String[] args) {
    SpringApplication.run(AtlasApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
