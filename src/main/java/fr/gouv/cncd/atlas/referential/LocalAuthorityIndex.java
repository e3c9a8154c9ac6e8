package fr.gouv.cncd.atlas.referential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory search index over the referential (about 36,000 entries). Every query word must match
 * the start of a word of the name, or the start of one of the codes (INSEE, SIREN, postal code,
 * département); results are ranked exact match first, then name prefix, then larger population.
 *
 * <p>The words and codes of all entries are kept in one sorted array: the entries matching a query
 * word are a binary-searched range of it, so a query never scans the whole referential.
 */
final class LocalAuthorityIndex {

  private static final Comparator<Hit> RANKING = Comparator.comparingInt(Hit::score)
      .thenComparing(Comparator.comparingLong(Hit::population).reversed())
      .thenComparing(hit -> hit.entry().authority().getName(), String.CASE_INSENSITIVE_ORDER);

  private final Map<String, LocalAuthority> byId = new ConcurrentHashMap<>();
  private volatile Snapshot snapshot = Snapshot.of(List.of());

  synchronized void replaceAll(List<LocalAuthority> authorities) {
    Map<String, LocalAuthority> fresh = new java.util.HashMap<>();
    authorities.forEach(authority -> fresh.put(authority.getId(), authority));
    snapshot = Snapshot.of(authorities.stream().map(Entry::of).toList());
    byId.putAll(fresh);
    byId.keySet().retainAll(fresh.keySet());
  }

  synchronized void add(LocalAuthority authority) {
    List<Entry> entries = new ArrayList<>(Arrays.asList(snapshot.entries()));
    entries.add(Entry.of(authority));
    snapshot = Snapshot.of(entries);
    byId.put(authority.getId(), authority);
  }

  LocalAuthority get(String id) {
    return byId.get(id);
  }

  int size() {
    return snapshot.entries().length;
  }

  List<LocalAuthority> search(String query, LocalAuthorityType type, String departmentCode, int limit) {
    Snapshot current = snapshot;
    String normalized = SearchText.normalize(query);
    String[] queryWords = SearchText.words(normalized);
    String rawCode = query == null ? "" : query.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    BitSet candidates = current.candidates(queryWords, rawCode);
    // The worst hits first, so that the queue keeps the best `limit` ones.
    PriorityQueue<Hit> best = new PriorityQueue<>(limit + 1, RANKING.reversed());
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      Entry entry = current.entries()[i];
      LocalAuthority authority = entry.authority();
      if ((type != null && authority.getType() != type)
          || (departmentCode != null && !departmentCode.equals(authority.getDepartmentCode()))) {
        continue;
      }
      best.add(new Hit(entry, entry.score(normalized, rawCode)));
      if (best.size() > limit) {
        best.poll();
      }
    }
    List<Hit> hits = new ArrayList<>(best);
    hits.sort(RANKING);
    return hits.stream().map(hit -> hit.entry().authority()).toList();
  }

  private record Hit(Entry entry, int score) {
    long population() {
      Integer population = entry.authority().getPopulation();
      return population == null ? 0 : population;
    }
  }

  /** The entries, and their words and codes sorted with the entry each comes from. */
  private record Snapshot(Entry[] entries, String[] keys, int[] keyEntries) {

    static Snapshot of(List<Entry> list) {
      Entry[] entries = list.toArray(Entry[]::new);
      List<Object[]> pairs = new ArrayList<>();
      for (int i = 0; i < entries.length; i++) {
        for (String key : entries[i].keys()) {
          pairs.add(new Object[] {key, i});
        }
      }
      pairs.sort(Comparator.comparing(pair -> (String) pair[0]));
      String[] keys = new String[pairs.size()];
      int[] keyEntries = new int[pairs.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = (String) pairs.get(i)[0];
        keyEntries[i] = (Integer) pairs.get(i)[1];
      }
      return new Snapshot(entries, keys, keyEntries);
    }

    /**
     * Entries of which every query word starts a word or a code, plus those with a code equal to the
     * whole query without spaces ("243 500 139"); all entries for an empty query.
     */
    BitSet candidates(String[] queryWords, String rawCode) {
      BitSet result = wordMatches(queryWords, rawCode);
      if (!rawCode.isEmpty()) {
        String code = rawCode.toLowerCase(Locale.ROOT);
        for (int i = lowerBound(code); i < keys.length && keys[i].equals(code); i++) {
          result.set(keyEntries[i]);
        }
      }
      return result;
    }

    private BitSet wordMatches(String[] queryWords, String rawCode) {
      BitSet result = new BitSet(entries.length);
      if (queryWords.length == 0) {
        if (rawCode.isEmpty()) {
          result.set(0, entries.length);
        }
        return result;
      }
      for (int w = 0; w < queryWords.length; w++) {
        BitSet matching = withPrefix(queryWords[w]);
        if (w == 0) {
          result = matching;
        } else {
          result.and(matching);
        }
        if (result.isEmpty()) {
          break;
        }
      }
      return result;
    }

    private BitSet withPrefix(String prefix) {
      BitSet matching = new BitSet(entries.length);
      for (int i = lowerBound(prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
        matching.set(keyEntries[i]);
      }
      return matching;
    }

    /** Index of the first key not smaller than the prefix (keys repeat: one per entry). */
    private int lowerBound(String prefix) {
      int low = 0;
      int high = keys.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (keys[middle].compareTo(prefix) < 0) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }
  }

  private record Entry(LocalAuthority authority, String name, String[] keys, String[] codes) {

    static Entry of(LocalAuthority authority) {
      String name = SearchText.normalize(authority.getName());
      List<String> codes = new ArrayList<>();
      addCode(codes, authority.getCode());
      addCode(codes, authority.getSiren());
      codes.addAll(authority.getPostalCodes());
      List<String> keys = new ArrayList<>(Arrays.asList(SearchText.words(name)));
      codes.forEach(code -> keys.add(code.toLowerCase(Locale.ROOT)));
      if (authority.getDepartmentCode() != null) {
        keys.add(authority.getDepartmentCode().toLowerCase(Locale.ROOT));
      }
      return new Entry(authority, name, keys.stream().distinct().toArray(String[]::new),
          codes.toArray(String[]::new));
    }

    private static void addCode(List<String> codes, String code) {
      if (code != null && !code.isBlank()) {
        codes.add(code.toUpperCase(Locale.ROOT));
      }
    }

    /** Lower is better: exact name or code, then name prefix, then a match of every word. */
    int score(String query, String rawCode) {
      if (query.isEmpty()) {
        return 3;
      }
      if (name.equals(query)) {
        return 0;
      }
      for (String code : codes) {
        if (code.equals(rawCode)) {
          return 0;
        }
      }
      return name.startsWith(query) ? 1 : 2;
    }
  }
}
