package fr.gouv.cncd.atlas.atlas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A yearly declaration of aide publique au développement (APD): the amount paid by the
 * collectivité that year, or a declaration at zero. Read-only in the Atlas update.
 */
@Entity
@Table(name = "oda_declaration")
public class OdaDeclaration {

  @Id
  private String id;

  @Column(name = "local_authority_id")
  private String localAuthorityId;

  @Column(name = "declaration_year")
  private int year;

  private BigDecimal amount;

  @Column(name = "zero_declaration")
  private boolean zeroDeclaration;

  @Column(name = "declared_on")
  private LocalDate declaredOn;

  protected OdaDeclaration() {}

  OdaDeclaration(String localAuthorityId, int year, BigDecimal amount, boolean zeroDeclaration, LocalDate declaredOn) {
    this.id = UUID.randomUUID().toString();
    this.localAuthorityId = localAuthorityId;
    this.year = year;
    this.amount = amount;
    this.zeroDeclaration = zeroDeclaration;
    this.declaredOn = declaredOn;
  }

  public int getYear() {
    return year;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public boolean isZeroDeclaration() {
    return zeroDeclaration;
  }

  public LocalDate getDeclaredOn() {
    return declaredOn;
  }
}
