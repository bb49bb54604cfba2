package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The Teams app package sources: a manifest with the bot id as a placeholder, and the two icons Teams requires. */
class AppPackageTest {
    static final Path DIR = Path.of("appPackage");

    @Test
    void manifestNamesTheBotByPlaceholder() throws Exception {
        JsonNode manifest = AnswerCards.JSON.readTree(Files.readString(DIR.resolve("manifest.json")));
        assertEquals("${teams.botId}", manifest.path("id").asText());
        assertEquals("${teams.botId}", manifest.path("bots").path(0).path("botId").asText());
        assertEquals("color.png", manifest.path("icons").path("color").asText());
        assertEquals("outline.png", manifest.path("icons").path("outline").asText());
        assertTrue(manifest.path("name").path("short").asText().length() <= 30);
        assertTrue(manifest.path("description").path("short").asText().length() <= 80);
        assertTrue(manifest.path("description").path("full").asText().length() <= 4000);
        JsonNode scopes = manifest.path("bots").path(0).path("scopes");
        assertEquals(3, scopes.size());
    }

    @Test
    void iconsHaveTheSizesTeamsRequires() throws Exception {
        BufferedImage color = ImageIO.read(DIR.resolve("color.png").toFile());
        assertEquals(192, color.getWidth());
        assertEquals(192, color.getHeight());
        BufferedImage outline = ImageIO.read(DIR.resolve("outline.png").toFile());
        assertEquals(32, outline.getWidth());
        assertEquals(32, outline.getHeight());
        // The outline icon is white on a transparent background.
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha > 0) {
                    assertEquals(0xFFFFFF, argb & 0xFFFFFF, "pixel " + x + "," + y + " is white");
                }
            }
        }
        assertEquals(0, outline.getRGB(0, 0) >>> 24, "transparent corner");
    }
}
