package fr.gouv.cncd.atlas.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Clean addresses of the public pages (static files under static/). */
@Configuration
class PublicPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/").setViewName("forward:/index.html");
    registry.addViewController("/inscription").setViewName("forward:/inscription.html");
    registry.addViewController("/activation").setViewName("forward:/activation.html");
    registry.addViewController("/nouveau-mot-de-passe").setViewName("forward:/nouveau-mot-de-passe.html");
  }
}
