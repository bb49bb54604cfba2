package dev.kotae.corpus;
import java.util.List;
public final class SeminarTextParser { public static ParsedText parse(String doc, List<String> lines) { return new ParsedText(List.of(), List.of(), List.of(), List.of()); } }
