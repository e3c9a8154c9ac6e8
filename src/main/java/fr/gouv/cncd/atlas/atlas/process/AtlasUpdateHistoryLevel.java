package fr.gouv.cncd.atlas.atlas.process;

import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.ACTION_NATURE_OPTIONS;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.COUNTRY_OPTIONS;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.NETWORK_CATALOGUE;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.SDG_OPTIONS;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.THEME_OPTIONS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The "full" history level, less two things of the Atlas update that other records keep:
 * <ul>
 *   <li>the reference lists it copies for its forms (countries, themes, ODD, networks, natures of
 *       action: the same in every instance, kept by the application in src/main/resources/atlas),
 *       two more copies of about 15 KB per update otherwise;</li>
 *   <li>the detail of each change of its variables (each field a form sets, each table a step
 *       shows, one row of about 1 KB with its indexes each time): the draft records who saved it
 *       last and when, every publication is a version (who, when, the whole Atlas), and the engine
 *       still keeps what each submitted form sent, each variable's last value, the tasks, who
 *       completed them and the user operation log.</li>
 * </ul>
 * Account requests and the other processes keep "full" history. The level keeps full's id and
 * name, so a database made at "full" starts unchanged.
 */
@Component
class AtlasUpdateHistoryLevel extends AbstractProcessEnginePlugin {

  static final Set<String> REFERENCE_LISTS = Set.of(COUNTRY_OPTIONS, THEME_OPTIONS, SDG_OPTIONS, NETWORK_CATALOGUE,
      ACTION_NATURE_OPTIONS);

  /** Full history but for what the Atlas update's own records keep. */
  static final class Level extends HistoryLevelFull {
    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      // A variable's history (its create, update and delete events are asked with the variable).
      if (entity instanceof VariableInstanceEntity variable && REFERENCE_LISTS.contains(variable.getName())) {
        return !ofAtlasUpdate(variable.getProcessDefinitionId());
      }
      // A change's detail (asked with the change's history event, after the variable's).
      if (HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL.equals(eventType)
          && entity instanceof HistoricVariableUpdateEventEntity update) {
        return !ofAtlasUpdate(update.getProcessDefinitionId());
      }
      return true;
    }

    private static boolean ofAtlasUpdate(String definitionId) {
      return definitionId != null && definitionId.startsWith(AtlasUpdateProcess.PROCESS_KEY + ":");
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine takes the last level of its list whose name is the configured one
    // (camunda.bpm.history-level: full); custom levels come after the built-in ones.
    List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    custom.add(new Level());
    configuration.setCustomHistoryLevels(custom);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getHistoryLevel() instanceof Level)) {
      throw new IllegalStateException("History level " + configuration.getHistoryLevel() + " instead of \"full\""
          + " less the Atlas update's reference lists and details: set camunda.bpm.history-level to full");
    }
  }
}
