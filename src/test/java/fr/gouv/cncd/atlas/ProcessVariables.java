package fr.gouv.cncd.atlas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The variables of a process as its code declares them: the String constants of its variables
 * accessor, the class {@code <ProcessId>Variables} of a capability's {@code process} package (one
 * accessor per process, see docs/style.md), nested classes included. The accessor is found by its
 * name, never listed here: a new process gets its variables checked as soon as it has forms.
 */
final class ProcessVariables {

  private static final String ROOT = "fr/gouv/cncd/atlas/";

  private ProcessVariables() {}

  /** The accessor class of the process; fails when there is none, or more than one. */
  static Class<?> accessorOf(String processId) {
    String pattern = "classpath*:" + ROOT + "*/process/" + processId + "Variables.class";
    List<String> names;
    try {
      Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
      names = Arrays.stream(found).map(ProcessVariables::className).distinct().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (names.size() != 1) {
      throw new AssertionError("Process " + processId + " needs exactly one variables accessor "
          + ROOT.replace('/', '.') + "<capability>.process." + processId + "Variables, found " + names);
    }
    try {
      return Class.forName(names.get(0));
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** The values of every static String constant of the process's accessor and its nested classes. */
  static Set<String> of(String processId) {
    Set<String> variables = new TreeSet<>();
    collect(accessorOf(processId), variables);
    return variables;
  }

  private static void collect(Class<?> type, Set<String> variables) {
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
        try {
          field.setAccessible(true);
          variables.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      collect(nested, variables);
    }
  }

  private static String className(Resource resource) {
    try {
      String url = resource.getURL().toString();
      return url.substring(url.lastIndexOf(ROOT), url.length() - ".class".length()).replace('/', '.');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
