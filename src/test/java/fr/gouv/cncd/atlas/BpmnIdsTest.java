package fr.gouv.cncd.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BpmnIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"Gateway_ContactAction", "SequenceFlow_BackToStep3", "Task_ReviewAccountRequest",
      "ServiceTask_NotifyDaect", "StartEvent_UpdateRequested", "EndEvent_AccountActivated",
      "BoundaryEvent_ActivationExpired", "Event_AccountActivated", "ErrorEventDefinition_AtlasChangedMeanwhile",
      "Definitions_AccountRequest", "BPMNPlane_AtlasUpdate", "Task_ReviewAccountRequest_di",
      "SequenceFlow_BackToStep3_di", "ServiceTask_SendPDF", "Gateway_Step3Or4"})
  void acceptsAPrefixFollowedByWords(String id) {
    assertThat(BpmnIds.isMeaningful(id)).as(id).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Gateway_0x3f9ab", "Activity_1abcd2e", "Flow_0k2j3h4", "Event_1a2b3c4", "StartEvent_1",
      "Task_0abc123", "Gateway_0x3f9ab_di", "SequenceFlow_1xyz", "Gateway_Abc1def", "Task_reviewRequest",
      "Gateway_", "Gateway_Contact_Action", "Gateway_ContactAction_", "ContactAction", "DataObject_Invoice",
      "gateway_ContactAction", "Gateway_A1b2c3"})
  void rejectsGeneratedOrUnprefixedIds(String id) {
    assertThat(BpmnIds.isMeaningful(id)).as(id).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AccountRequest", "AtlasUpdate", "LegacyAccountMigration"})
  void acceptsProcessIdsThatReadAsWords(String id) {
    assertThat(BpmnIds.isMeaningfulProcessId(id)).as(id).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Process_0x3f9ab", "Process_1", "atlasUpdate", "AtlasUpdate_1abcd2e"})
  void rejectsGeneratedProcessIds(String id) {
    assertThat(BpmnIds.isMeaningfulProcessId(id)).as(id).isFalse();
  }
}
