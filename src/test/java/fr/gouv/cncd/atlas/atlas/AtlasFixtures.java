package fr.gouv.cncd.atlas.atlas;

/** Atlas contents for tests: the demo Atlas of Rennes, published for other collectivités too. */
public final class AtlasFixtures {

  private AtlasFixtures() {}

  public static AtlasContent rennesLike() {
    return DemoAtlas.rennes();
  }
}
