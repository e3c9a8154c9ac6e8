package fr.gouv.cncd.atlas.referential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory search index over the referential (about 36,000 entries). Every query word must match
 * the start of a word of the name, or one of the codes (INSEE, SIREN, postal code, département);
 * results are ranked exact match first, then name prefix, then larger population.
 */
final class LocalAuthorityIndex {

  private static final Comparator<Hit> RANKING = Comparator.comparingInt(Hit::score)
      .thenComparing(Comparator.comparingLong(Hit::population).reversed())
      .thenComparing(hit -> hit.entry().authority().getName(), String.CASE_INSENSITIVE_ORDER);

  private volatile List<Entry> entries = List.of();
  private final Map<String, LocalAuthority> byId = new ConcurrentHashMap<>();

  void replaceAll(List<LocalAuthority> authorities) {
    List<Entry> built = new ArrayList<>(authorities.size());
    byId.clear();
    for (LocalAuthority authority : authorities) {
      built.add(Entry.of(authority));
      byId.put(authority.getId(), authority);
    }
    entries = List.copyOf(built);
  }

  synchronized void add(LocalAuthority authority) {
    List<Entry> built = new ArrayList<>(entries);
    built.add(Entry.of(authority));
    byId.put(authority.getId(), authority);
    entries = List.copyOf(built);
  }

  LocalAuthority get(String id) {
    return byId.get(id);
  }

  int size() {
    return entries.size();
  }

  List<LocalAuthority> search(String query, LocalAuthorityType type, String departmentCode, int limit) {
    String normalized = SearchText.normalize(query);
    String[] queryWords = SearchText.words(normalized);
    String rawCode = query == null ? "" : query.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    List<Hit> hits = new ArrayList<>();
    for (Entry entry : entries) {
      LocalAuthority authority = entry.authority();
      if (type != null && authority.getType() != type) {
        continue;
      }
      if (departmentCode != null && !departmentCode.equals(authority.getDepartmentCode())) {
        continue;
      }
      int score = entry.score(normalized, queryWords, rawCode);
      if (score >= 0) {
        hits.add(new Hit(entry, score));
      }
    }
    hits.sort(RANKING);
    return hits.stream().limit(limit).map(hit -> hit.entry().authority()).toList();
  }

  private record Hit(Entry entry, int score) {
    long population() {
      Integer population = entry.authority().getPopulation();
      return population == null ? 0 : population;
    }
  }

  private record Entry(LocalAuthority authority, String name, String[] words, String[] codes) {

    static Entry of(LocalAuthority authority) {
      String name = SearchText.normalize(authority.getName());
      List<String> codes = new ArrayList<>();
      addCode(codes, authority.getCode());
      addCode(codes, authority.getSiren());
      codes.addAll(authority.getPostalCodes());
      return new Entry(authority, name, SearchText.words(name), codes.toArray(String[]::new));
    }

    private static void addCode(List<String> codes, String code) {
      if (code != null && !code.isBlank()) {
        codes.add(code.toUpperCase(Locale.ROOT));
      }
    }

    /** Lower is better; -1 when the entry does not match. */
    int score(String query, String[] queryWords, String rawCode) {
      if (queryWords.length == 0) {
        return query.isEmpty() && rawCode.isEmpty() ? 3 : -1;
      }
      if (name.equals(query)) {
        return 0;
      }
      for (String code : codes) {
        if (code.equals(rawCode)) {
          return 0;
        }
      }
      for (String queryWord : queryWords) {
        if (!matchesWord(queryWord)) {
          return -1;
        }
      }
      return name.startsWith(query) ? 1 : 2;
    }

    private boolean matchesWord(String queryWord) {
      for (String word : words) {
        if (word.startsWith(queryWord)) {
          return true;
        }
      }
      if (Character.isDigit(queryWord.charAt(0)) || queryWord.startsWith("2a") || queryWord.startsWith("2b")) {
        String upper = queryWord.toUpperCase(Locale.ROOT);
        if (upper.equals(authority.getDepartmentCode())) {
          return true;
        }
        for (String code : codes) {
          if (code.startsWith(upper)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
