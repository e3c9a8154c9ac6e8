package fr.gouv.cncd.atlas.referential;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The referential of collectivités: loaded at start-up, searched in memory, extended by the DAECT. */
@Service
public class LocalAuthorities implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(LocalAuthorities.class);
  public static final int MAX_LIMIT = 50;

  private final ReferentialLoader loader;
  private final LocalAuthorityRepository repository;
  private final LocalAuthorityIndex index = new LocalAuthorityIndex();
  private final SecureRandom random = new SecureRandom();
  private volatile ReferentialReport report;

  LocalAuthorities(ReferentialLoader loader, LocalAuthorityRepository repository) {
    this.loader = loader;
    this.repository = repository;
  }

  @Override
  public void afterPropertiesSet() {
    report = loader.load();
    index.replaceAll(repository.findAll());
  }

  /** Counts per type of what the referential holds, as reported at start-up. */
  public ReferentialReport report() {
    return report;
  }

  public Optional<LocalAuthority> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(index.get(id));
  }

  public List<LocalAuthority> search(String query, LocalAuthorityType type, String departmentCode, int limit) {
    return index.search(query, type, departmentCode, Math.min(limit, MAX_LIMIT));
  }

  /**
   * Entries that may be the collectivité a requester described by a free name ("Ville de Rennes",
   * "Mairie de Saint-Malo"): the name itself, then each significant word of it, in the département
   * first, then anywhere.
   */
  public List<LocalAuthority> lookalikes(String name, String departmentCode, int limit) {
    java.util.LinkedHashSet<LocalAuthority> found = new java.util.LinkedHashSet<>();
    List<String> queries = new java.util.ArrayList<>();
    queries.add(name);
    for (String word : SearchText.words(SearchText.normalize(name))) {
      if (word.length() >= 3 && !GENERIC_WORDS.contains(word)) {
        queries.add(word);
      }
    }
    for (String department : java.util.Arrays.asList(departmentCode, null)) {
      for (String query : queries) {
        found.addAll(index.search(query, null, department, limit));
        if (found.size() >= limit) {
          return List.copyOf(found).subList(0, limit);
        }
      }
      if (!found.isEmpty()) {
        break;
      }
    }
    return List.copyOf(found);
  }

  private static final java.util.Set<String> GENERIC_WORDS = java.util.Set.of("ville", "mairie", "commune",
      "communes", "communaute", "agglomeration", "urbaine", "conseil", "departemental", "departement", "regional",
      "region", "metropole", "syndicat", "mixte", "collectivite", "territoriale", "des", "les", "aux", "sur", "pays");

  /** « Rennes — Commune — 35 Ille-et-Vilaine (INSEE 35238) »: the collectivité as users read it. */
  public String label(LocalAuthority authority) {
    String department = authority.getDepartmentCode() == null ? ""
        : " — " + authority.getDepartmentCode() + " " + departmentName(authority.getDepartmentCode()).orElse("");
    String code = authority.getCode() == null ? " (ajoutée par la DAECT)"
        : switch (authority.getType()) {
          case COMMUNE -> " (INSEE " + authority.getCode() + ")";
          case EPCI -> " (SIREN " + authority.getCode() + ")";
          default -> " (code " + authority.getCode() + ")";
        };
    return authority.getName() + " — " + authority.getTypeLabel() + department.stripTrailing() + code;
  }

  /**
   * The collectivité a person designates by its referential id (commune-35238), its official code
   * (INSEE, SIREN) or its exact name, when exactly one matches.
   */
  public Optional<LocalAuthority> resolve(String typed) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocalAuthority> byId = find(text);
    if (byId.isPresent()) {
      return byId;
    }
    List<LocalAuthority> exact = search(text, null, null, 5).stream()
        .filter(a -> text.equalsIgnoreCase(a.getName()) || text.equalsIgnoreCase(a.getCode())
            || text.equals(a.getSiren()))
        .toList();
    return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
  }

  /** Name of a département (or overseas collectivity) from its code, if known. */
  public Optional<String> departmentName(String departmentCode) {
    if (departmentCode == null) {
      return Optional.empty();
    }
    return find("department-" + departmentCode).or(() -> find("overseas-" + departmentCode))
        .map(LocalAuthority::getName);
  }

  /**
   * Adds a collectivité missing from the official referential, at the DAECT's request. Its id is
   * its type followed by a random suffix, since it has no official code here.
   */
  @Transactional
  public LocalAuthority add(String name, LocalAuthorityType type, String departmentCode) {
    String id = type.name().toLowerCase().replace("_", "") + "-x" + HexFormat.of().toHexDigits(random.nextInt());
    String regionCode = find("department-" + departmentCode).map(LocalAuthority::getRegionCode).orElse(null);
    LocalAuthority added = repository.save(new LocalAuthority(id, type, null, null, name.trim(),
        departmentCode, regionCode, null, null, null, true));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        index.add(added);
      }
    });
    log.info("Collectivité {} added to the referential by the DAECT", id);
    return added;
  }
}
