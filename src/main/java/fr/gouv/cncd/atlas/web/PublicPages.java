package fr.gouv.cncd.atlas.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Addresses of the public pages: FreeMarker views under templates/pages sharing one DSFR layout. */
@Configuration
class PublicPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/").setViewName("index");
    registry.addViewController("/inscription").setViewName("inscription");
    registry.addViewController("/activation").setViewName("activation");
    registry.addViewController("/nouveau-mot-de-passe").setViewName("nouveau-mot-de-passe");
    registry.addViewController("/mot-de-passe-oublie").setViewName("mot-de-passe-oublie");
    registry.addViewController("/accessibilite").setViewName("accessibilite");
  }
}
