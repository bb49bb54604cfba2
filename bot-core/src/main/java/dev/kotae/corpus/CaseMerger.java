package dev.kotae.corpus;
import java.util.List;
public final class CaseMerger { public static List<CaseStudy> merge(List<CaseStudy> t, List<Slide> s) { return t; } }
