package fr.gouv.cncd.atlas.account.process;

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
 * Puts {@link CloseCancelledRequestListener} on the end of every AccountRequest instance as a
 * built-in listener: a custom one (in the BPMN) would be skipped when an instance is deleted with
 * « skip custom listeners », Cockpit's default, and the request would keep its identifiant and
 * e-mail for good.
 */
@Component
class CloseCancelledRequests extends AbstractProcessEnginePlugin {

  // Lazy: the listener's services need the engine this plugin helps to build.
  private final ObjectProvider<CloseCancelledRequestListener> listener;

  CloseCancelledRequests(ObjectProvider<CloseCancelledRequestListener> listener) {
    this.listener = listener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (AccountRequestProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
          ExecutionListener closing = execution -> listener.getObject().notify(execution);
          processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, closing);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
