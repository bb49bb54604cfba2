package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.testing.LoadDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Teams load run ({@link TeamsLoad}). The default suite runs a short smoke run so the harness
 * cannot rot; the full run (50 clients, 60 s) is on demand: {@code scripts/load.sh teams} or
 * {@code ./mvnw -Pload ...}, which set {@code kotae.load=full}.
 */
class TeamsLoadTest {
    @Test
    void smoke() throws Exception {
        LoadDriver.Report report = TeamsLoad.run(LoadDriver.Options.smoke()).print().check();
        assertTrue(report.answers().length >= 4, "every client got answers");
    }

    @Test
    @EnabledIfSystemProperty(named = "kotae.load", matches = "full")
    void full() throws Exception {
        TeamsLoad.run(LoadDriver.Options.fromSystemProperties(50, 60)).print().check();
    }
}
