package dev.kotae.corpus;
import java.util.List;
public final class SlideDeckParser { public static List<Slide> parse(String doc, List<String> lines) { return List.of(); }
 public static List<Passage> passages(List<Slide> s) { return List.of(); } }
