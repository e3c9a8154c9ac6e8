package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Closes the draft of an AtlasUpdate instance that ends without publication (an administrator
 * cancelling it in Cockpit): a built-in end listener, which « skip custom listeners » (Cockpit's
 * default) does not skip, so that the collectivité can start a new update. The published Atlas is
 * untouched. After a publication it finds the draft published and changes nothing.
 */
@Component
class CloseCancelledUpdates extends AbstractProcessEnginePlugin {

  // Lazy: the service's beans need the engine this plugin helps to build.
  private final ObjectProvider<AtlasUpdates> updates;

  CloseCancelledUpdates(ObjectProvider<AtlasUpdates> updates) {
    this.updates = updates;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (AtlasUpdateProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
          ExecutionListener closing = execution -> updates.getObject().cancelProcess(execution.getProcessInstanceId());
          processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, closing);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
