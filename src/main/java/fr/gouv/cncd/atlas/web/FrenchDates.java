package fr.gouv.cncd.atlas.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as French texts write them, in Paris time, for every page, form, mail and document:
 * « 1er décembre 2026 » (the first of the month is « 1er »), « 3 décembre 2026 à 09 h 04 »,
 * « mardi 1er décembre 2026 ».
 */
public final class FrenchDates {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);
  private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRANCE);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH' h 'mm", Locale.FRANCE);

  private FrenchDates() {}

  /** « 1er décembre 2026 ». */
  public static String day(LocalDate date) {
    return (date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth())) + " " + MONTH_YEAR.format(date);
  }

  /** The day of an instant in Paris: « 1er décembre 2026 ». */
  public static String day(Instant instant) {
    return day(instant.atZone(PARIS).toLocalDate());
  }

  /** « 1er décembre 2026 à 09 h 04 », in Paris time. */
  public static String dayAndTime(Instant instant) {
    ZonedDateTime paris = instant.atZone(PARIS);
    return day(paris.toLocalDate()) + " à " + TIME.format(paris);
  }

  /** « mardi 1er décembre 2026 ». */
  public static String weekdayAndDay(LocalDate date) {
    return WEEKDAY.format(date) + " " + day(date);
  }
}
