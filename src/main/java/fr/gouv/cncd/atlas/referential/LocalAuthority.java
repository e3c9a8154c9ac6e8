package fr.gouv.cncd.atlas.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/**
 * A collectivité territoriale of the official referential (COG), or one the DAECT added.
 * Its id says its type and official code: {@code region-53}, {@code department-35},
 * {@code commune-35238} (INSEE), {@code epci-243500139} (SIREN), {@code overseas-987}.
 */
@Entity
@Table(name = "local_authority")
public class LocalAuthority {

  @Id
  private String id;

  @Enumerated(EnumType.STRING)
  private LocalAuthorityType type;

  /** Legal nature of an EPCI: CC, CA, CU, METRO or MET69. */
  private String nature;

  /** Official code: INSEE code of a commune, région or département code, SIREN of an EPCI. */
  private String code;

  private String name;

  @Column(name = "department_code")
  private String departmentCode;

  @Column(name = "region_code")
  private String regionCode;

  /** Space-separated postal codes. */
  @Column(name = "postal_codes")
  private String postalCodes;

  private String siren;

  private Integer population;

  @Column(name = "added_by_daect")
  private boolean addedByDaect;

  protected LocalAuthority() {}

  LocalAuthority(String id, LocalAuthorityType type, String nature, String code, String name,
      String departmentCode, String regionCode, String postalCodes, String siren, Integer population,
      boolean addedByDaect) {
    this.id = id;
    this.type = type;
    this.nature = nature;
    this.code = code;
    this.name = name;
    this.departmentCode = departmentCode;
    this.regionCode = regionCode;
    this.postalCodes = postalCodes;
    this.siren = siren;
    this.population = population;
    this.addedByDaect = addedByDaect;
  }

  public String getId() {
    return id;
  }

  public LocalAuthorityType getType() {
    return type;
  }

  public String getNature() {
    return nature;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public String getRegionCode() {
    return regionCode;
  }

  public List<String> getPostalCodes() {
    return postalCodes == null || postalCodes.isBlank() ? List.of() : Arrays.asList(postalCodes.split(" "));
  }

  public String getSiren() {
    return siren;
  }

  public Integer getPopulation() {
    return population;
  }

  public boolean isAddedByDaect() {
    return addedByDaect;
  }

  /** French label of its type, precise for EPCIs (« Communauté d'agglomération »...). */
  public String getTypeLabel() {
    return type.label(nature);
  }

  /**
   * Id of the Camunda group of this collectivité's staff: the id without its dash, so that it
   * passes the engine's id whitelist ({@code [a-zA-Z0-9]+}).
   */
  public String groupId() {
    return groupIdOf(id);
  }

  public static String groupIdOf(String localAuthorityId) {
    return localAuthorityId.replace("-", "");
  }
}
