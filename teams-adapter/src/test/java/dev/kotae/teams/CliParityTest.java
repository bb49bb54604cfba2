package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.answer.Answer;
import dev.kotae.answer.Citation;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same question gives the same answer and citations through the kotae CLI (its own process) and Teams. */
class CliParityTest {
    static final List<String> QUESTIONS = List.of("WAFとは？", "2025年の崖って何？", "攻めのIT投資の事例をまとめて",
            "ゼロトラストって何", "事例の一覧を見せて", "ランサムウェアの対策は？", "社員食堂のメニューは？");

    @Test
    void sameAnswersAndCitationsAsTheCli() throws Exception {
        List<Answer> cli = cliBatch(QUESTIONS);
        assertEquals(QUESTIONS.size(), cli.size());
        try (FakeConnector connector = new FakeConnector();
             TeamsServer server = new TeamsServer(new TeamsSettings(null, null, null, 0, "127.0.0.1", true, Set.of(), null), SharedService.get())) {
            int port = server.start();
            for (int i = 0; i < QUESTIONS.size(); i++) {
                connector.clear();
                assertEquals(200, Activities.post(port, Activities.channelWithMention(connector.url(), QUESTIONS.get(i)), null).statusCode());
                JsonNode reply = connector.received().get(0).body();
                Answer expected = cli.get(i);
                assertEquals(AnswerCards.plainText(expected), reply.path("text").asText(), QUESTIONS.get(i));
                JsonNode card = reply.path("attachments").path(0).path("content");
                JsonNode answerBlock = card.findParents("id").stream().filter(n -> n.path("id").asText().equals("answer")).findFirst().orElseThrow();
                assertEquals(CardText.of(expected.text()), answerBlock.path("text").asText(), "the answer, as Markdown paragraphs");
                JsonNode feedback = card.findValues("data").stream().filter(d -> d.path("kotae").asText().equals("feedback")).findFirst().orElseThrow();
                assertEquals(expected.kind().label(), feedback.path("kind").asText(), QUESTIONS.get(i));
                List<String> labels = new ArrayList<>();
                feedback.path("citations").forEach(c -> labels.add(c.asText()));
                assertEquals(expected.citations().stream().map(Citation::label).toList(), labels, QUESTIONS.get(i));
            }
        }
    }

    /** Runs {@code kotae batch} in a JVM of its own, as the launcher does, and reads one JSON answer per line. */
    static List<Answer> cliBatch(List<String> questions) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.kotae.cli.KotaeCommand", "batch");
        pb.environment().remove("KOTAE_CORPUS_DIR");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = pb.start();
        process.getOutputStream().write(String.join("\n", questions).concat("\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kotae batch did not finish");
        }
        assertEquals(0, process.exitValue());
        List<Answer> answers = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                answers.add(AnswerCards.JSON.readValue(line, Answer.class));
            }
        }
        return answers;
    }
}
