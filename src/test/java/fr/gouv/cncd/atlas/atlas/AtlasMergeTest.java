package fr.gouv.cncd.atlas.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import org.junit.jupiter.api.Test;

/** The three-way merge of « Intégrer à mon brouillon les changements publiés entre-temps ». */
class AtlasMergeTest {

  @Test
  void keepsWhatNobodyChangedExactlyAsItWasAmountsIncluded() {
    AtlasContent rennes = DemoAtlas.rennes();
    assertThat(AtlasMerge.merge(rennes, rennes, rennes)).isEqualTo(rennes);
    assertThat(AtlasDocuments.write(AtlasMerge.merge(rennes, rennes, rennes))).contains("180000.00")
        .doesNotContain("E+");
  }

  @Test
  void takesTheDraftsFieldsAndTheOtherFieldsOfTheNewerVersion() {
    AtlasContent base = DemoAtlas.rennes();
    Coordinates c = base.coordinates();
    AtlasContent mine = base.withCoordinates(new Coordinates(c.address(), c.postalCode(), c.town(), c.phone(),
        c.email(), "https://www.exemple.fr", c.internationalService()));
    AtlasContent theirs = base.withCoordinates(new Coordinates(c.address(), c.postalCode(), c.town(), "0299999999",
        c.email(), c.website(), c.internationalService()));
    assertThat(AtlasMerge.merge(base, mine, theirs)).isEqualTo(base.withCoordinates(new Coordinates(c.address(),
        c.postalCode(), c.town(), "0299999999", c.email(), "https://www.exemple.fr", c.internationalService())));
  }
}
