package fr.gouv.cncd.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CamundaFormTest {

  @Test
  void findsTheVariablesOfAFeelExpression() {
    assertThat(CamundaForm.variablesIn("=unlisted")).containsExactly("unlisted");
    assertThat(CamundaForm.variablesIn("=not(conflict = true)")).containsExactly("conflict");
    assertThat(CamundaForm.variablesIn("=if unlisted then unlistedDecision != \"REJECT\" else decision != \"REJECT\""))
        .containsExactly("unlisted", "unlistedDecision", "decision");
  }

  @Test
  void leavesOutPathsFunctionsStringsAndTheFilterItem() {
    assertThat(CamundaForm.variablesIn("=if cooperationSearch = null or cooperationSearch = \"\" then cooperationRows"
        + " else cooperationRows[contains(item.searchText, lower case(cooperationSearch))]"))
        .containsExactly("cooperationSearch", "cooperationRows");
    assertThat(CamundaForm.variablesIn("=string length(motive) > 4 and \"a quoted \\\" name\" != motive"))
        .containsExactly("motive");
  }

  @Test
  void findsNoVariableInAPlainValue() {
    assertThat(CamundaForm.variablesIn("contactRows")).isEmpty();
    assertThat(CamundaForm.variablesIn(null)).isEmpty();
  }
}
