package fr.gouv.cncd.atlas.web;

/** One faulty field of a request and the French message that explains it. */
public record FieldMessage(String field, String message) {}
