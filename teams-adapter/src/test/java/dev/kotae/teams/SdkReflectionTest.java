package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.microsoft.bot.restclient.Validator;
import com.microsoft.bot.schema.Activity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Why the runnable jar's manifest says {@code Add-Opens: java.base/java.util}: before sending an
 * activity to a conversation the SDK walks its fields by reflection, and a JDK collection nested in a
 * value makes that fail on Java 17+ unless java.util is opened. Kotae's own cards are Jackson trees,
 * which the walk handles, so the test JVM runs without the option (as the conversation tests show).
 */
class SdkReflectionTest {
    @Test
    void sdkValidatorNeedsJavaUtilOpenForNestedJdkCollections() {
        Activity activity = Activity.createMessageActivity();
        activity.setValue(Map.of("items", List.of("a", "b")));
        boolean opened = Object.class.getModule().isOpen("java.util", SdkReflectionTest.class.getModule());
        if (opened) {
            assertDoesNotThrow(() -> Validator.validate(activity));
        } else {
            assertThrows(java.lang.reflect.InaccessibleObjectException.class, () -> Validator.validate(activity));
        }
    }

    @Test
    void kotaeCardsPassTheSdkValidatorWithoutOpens() {
        var answer = new dev.kotae.answer.Answer(dev.kotae.answer.AnswerKind.FAQ, "本文", List.of(AnswerCardsTest.TEXT), 1,
                List.of("次の質問"), List.of("候補"), 1);
        assertDoesNotThrow(() -> Validator.validate(AnswerCards.answer("質問", answer)));
    }
}
