package fr.gouv.cncd.atlas.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
 * Gives every process definition, as it is parsed, a built-in end listener that calls the
 * {@link ProcessEndHandler}s of its key.
 */
@Component
class BuiltInEndListeners extends AbstractProcessEnginePlugin {

  // Looked up when an instance ends: the handlers' services need the engine this plugin helps to build.
  private final ObjectProvider<ProcessEndHandler> handlers;

  BuiltInEndListeners(ObjectProvider<ProcessEndHandler> handlers) {
    this.handlers = handlers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        String key = processDefinition.getKey();
        ExecutionListener ended = execution -> notifyHandlers(key, execution);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }

  private void notifyHandlers(String processKey, DelegateExecution execution) {
    handlers.orderedStream()
        .filter(handler -> handler.processKey().equals(processKey))
        .forEach(handler -> handler.processEnded(execution));
  }
}
