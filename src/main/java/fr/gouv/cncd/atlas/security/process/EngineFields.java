package fr.gouv.cncd.atlas.security.process;

import java.lang.reflect.Field;

/**
 * Fields of Camunda's commands that the guards must read and that have no getter (the caller's
 * query of a filter execution, the user of a save, the tasks of a delete). Resolved when a guard
 * class loads, so that an engine upgrade that moves one fails at start-up, not at the first call.
 */
final class EngineFields {

  private EngineFields() {}

  static Field of(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name
          + " any more: the engine guards must be adapted to this engine version", e);
    }
  }

  static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field.getName() + " of " + command.getClass().getSimpleName(), e);
    }
  }
}
