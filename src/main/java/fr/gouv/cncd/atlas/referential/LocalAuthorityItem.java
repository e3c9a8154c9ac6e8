package fr.gouv.cncd.atlas.referential;

import java.util.List;

/** A collectivité as the public API shows it. */
record LocalAuthorityItem(String id, String name, LocalAuthorityType type, String typeLabel, String nature,
    String code, String departmentCode, String departmentName, String regionCode, List<String> postalCodes,
    String siren, Integer population) {

  static LocalAuthorityItem of(LocalAuthority authority, String departmentName) {
    return new LocalAuthorityItem(authority.getId(), authority.getName(), authority.getType(),
        authority.getTypeLabel(), authority.getNature(), authority.getCode(), authority.getDepartmentCode(),
        departmentName, authority.getRegionCode(), authority.getPostalCodes(), authority.getSiren(),
        authority.getPopulation());
  }
}
