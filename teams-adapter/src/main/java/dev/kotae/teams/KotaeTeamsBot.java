package dev.kotae.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ChannelAccount;
import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Feedback;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import dev.kotae.answer.ReindexReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kotae in Teams: a message becomes a {@link Question} for the shared {@link KotaeService}, and the
 * {@link Answer} goes back as an Adaptive Card with a plain-text fallback. No retrieval happens here.
 *
 * <ul>
 *   <li>Personal chat: every message is a question. Channels and group chats: only messages that
 *       @mention the bot, with the mention removed.</li>
 *   <li>Card buttons (follow-up questions, 👍/👎) arrive as messages with a {@code value}, or as
 *       {@code adaptiveCard/action} invokes.</li>
 *   <li>{@code help}, {@code stats} and {@code reindex} (admins in {@code KOTAE_ADMINS} only, every attempt audited).</li>
 * </ul>
 */
public final class KotaeTeamsBot extends ActivityHandler {
    static final String PLATFORM = "teams";
    static final String DENIED = "権限がありません。インデックスの再作成は管理者（KOTAE_ADMINS）だけが実行できます。";
    static final String THANKS_HELPFUL = "フィードバックありがとうございます（👍 役に立った）。";
    static final String THANKS_NOT_HELPFUL = "フィードバックありがとうございます（👎 役に立たなかった）。回答の改善に使わせていただきます。";
    static final String ALREADY_VOTED = "この回答へのフィードバックはすでに受け付けています。ありがとうございます。";
    /** Sent instead of an answer when every turn is taken and the line is full (see {@link RequestLimits}). */
    static final String BUSY = "ただいま混み合っているため、この質問にはお答えできませんでした。少し時間をおいて、もう一度送ってください。";
    private static final int REMEMBERED_VOTES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(KotaeTeamsBot.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("dev.kotae.audit");
    private static final Set<String> STATS = Set.of("stats", "/stats", "統計");
    private static final Set<String> REINDEX = Set.of("reindex", "/reindex", "再インデックス", "インデックス再作成");
    /** Button data comes from the client: what is kept of it is capped at the core's question limit. */
    static final int MAX_QUESTION_IN_DATA = AnswerSettings.MAX_QUESTION_LENGTH;
    private static final int MAX_CITATIONS_IN_DATA = 20;

    private final KotaeService service;
    private final TeamsSettings settings;
    /** Who already rated which card (conversation, card message, user): one vote each, the first. */
    private final Set<String> votes = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_VOTES;
        }
    });

    public KotaeTeamsBot(KotaeService service, TeamsSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        ObjectNode data = AnswerCards.actionData(activity.getValue());
        if (data != null) {
            return onButton(turnContext, data);
        }
        if (isShared(activity) && !QuestionText.mentionsBot(activity)) {
            return CompletableFuture.completedFuture(null); // in a channel or group chat, only @mentions are for Kotae
        }
        String text = QuestionText.of(activity);
        String command = text.toLowerCase(Locale.ROOT).replaceAll("[\\s。.!！?？]+$", "");
        if (STATS.contains(command)) {
            return send(turnContext, statsText());
        }
        if (REINDEX.contains(command)) {
            return reindex(turnContext);
        }
        return ask(turnContext, text);
    }

    private CompletableFuture<Void> ask(TurnContext turnContext, String text) {
        Question question = new Question(text, PLATFORM, userId(turnContext.getActivity()));
        Answer answer = service.answer(question);
        LOG.debug("answered kind={} citations={} tookMicros={}", answer.kind().label(), answer.citations().size(), answer.tookMicros());
        return turnContext.sendActivity(AnswerCards.answer(text, answer)).thenApply(r -> null);
    }

    private CompletableFuture<Void> onButton(TurnContext turnContext, ObjectNode data) {
        String action = data.path(AnswerCards.ACTION_KEY).asText();
        if (AnswerCards.ASK.equals(action)) {
            return ask(turnContext, questionIn(data));
        }
        if (AnswerCards.FEEDBACK.equals(action)) {
            if (!firstVote(turnContext.getActivity())) {
                return send(turnContext, ALREADY_VOTED);
            }
            boolean helpful = recordFeedback(data);
            return send(turnContext, helpful ? THANKS_HELPFUL : THANKS_NOT_HELPFUL);
        }
        return send(turnContext, "このボタンには対応していません。質問をメッセージで送ってください。");
    }

    /**
     * Universal Actions ({@code Action.Execute}) arrive as {@code adaptiveCard/action} invokes; the
     * same data as the card's buttons is understood, and the invoke response says what happened.
     */
    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext turnContext,
                                                                                  AdaptiveCardInvokeValue invokeValue) {
        ObjectNode data = invokeValue == null || invokeValue.getAction() == null ? null
                : AnswerCards.actionData(invokeValue.getAction().getData());
        if (data == null) {
            return CompletableFuture.completedFuture(invokeError(400, "BadRequest", "Kotae のボタンではありません。"));
        }
        String action = data.path(AnswerCards.ACTION_KEY).asText();
        if (AnswerCards.FEEDBACK.equals(action)) {
            if (!firstVote(turnContext.getActivity())) {
                return CompletableFuture.completedFuture(invokeMessage(ALREADY_VOTED));
            }
            boolean helpful = recordFeedback(data);
            return CompletableFuture.completedFuture(invokeMessage(helpful ? THANKS_HELPFUL : THANKS_NOT_HELPFUL));
        }
        if (AnswerCards.ASK.equals(action)) {
            return ask(turnContext, questionIn(data)).thenApply(v -> invokeMessage("回答を送りました。"));
        }
        return CompletableFuture.completedFuture(invokeError(400, "BadRequest", "このボタンには対応していません。"));
    }

    /**
     * The SDK only reports members other than the bot; Kotae welcomes when the bot itself is added (to a
     * team, a group chat or a personal chat) and when a user opens a personal chat with it.
     */
    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turnContext) {
        List<ChannelAccount> added = turnContext.getActivity().getMembersAdded();
        if (added != null && !added.isEmpty()) {
            return welcome(added, turnContext);
        }
        return super.onConversationUpdateActivity(turnContext);
    }

    private CompletableFuture<Void> welcome(List<ChannelAccount> membersAdded, TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        boolean botAdded = membersAdded.stream().anyMatch(m -> botId != null && botId.equals(m.getId()));
        boolean userAddedToPersonalChat = !isShared(activity)
                && membersAdded.stream().anyMatch(m -> botId == null || !botId.equals(m.getId()));
        if (!botAdded && !userAddedToPersonalChat) {
            return CompletableFuture.completedFuture(null);
        }
        Answer help = service.answer(new Question("help", PLATFORM, userId(activity)));
        return turnContext.sendActivity(AnswerCards.welcome(help)).thenApply(r -> null);
    }

    private CompletableFuture<Void> reindex(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        String aad = activity.getFrom() == null ? null : activity.getFrom().getAadObjectId();
        if (!settings.isAdmin(aad)) {
            AUDIT.warn("reindex denied: platform=teams aadObjectId={} conversation={}", safe(aad), safe(conversationId(activity)));
            service.audit(PLATFORM, aad, "reindex", "denied", "権限がありません（KOTAE_ADMINS にない AAD object id）");
            return send(turnContext, DENIED);
        }
        AUDIT.info("reindex started: platform=teams aadObjectId={} conversation={}", safe(aad), safe(conversationId(activity)));
        ReindexReport report = service.reindex(PLATFORM, aad); // the core audits the outcome
        AUDIT.info("reindex {}: platform=teams aadObjectId={} millis={}", report.status().name().toLowerCase(Locale.ROOT),
                safe(aad), report.millis());
        return send(turnContext, report.summary());
    }

    /** As in Slack: the corpus and index counts. */
    private String statsText() {
        return "コーパスの統計\n" + service.stats();
    }

    /**
     * Whether this is the user's first 👍/👎 on this card. A click carries the card's message id in
     * {@code replyToId}; without one (some emulators) every click counts.
     */
    private boolean firstVote(Activity activity) {
        if (activity.getReplyToId() == null || activity.getReplyToId().isBlank()) {
            return true;
        }
        String key = conversationId(activity) + "|" + activity.getReplyToId() + "|" + userId(activity);
        synchronized (votes) {
            return votes.add(key);
        }
    }

    /** Records a 👍/👎 with the question, kind and citations the button carries (the user is not kept). */
    private boolean recordFeedback(ObjectNode data) {
        boolean helpful = data.path("helpful").asBoolean(false);
        String question = questionIn(data);
        AnswerKind kind = AnswerKind.NONE;
        for (AnswerKind k : AnswerKind.values()) {
            if (k.label().equals(data.path("kind").asText())) {
                kind = k;
            }
        }
        List<String> citations = new ArrayList<>();
        for (JsonNode c : data.path("citations")) {
            if (c.isTextual() && citations.size() < MAX_CITATIONS_IN_DATA) {
                citations.add(limit(c.asText()));
            }
        }
        service.recordFeedback(new Feedback(Instant.now(), PLATFORM, question, kind, citations, helpful));
        LOG.info("feedback: helpful={} kind={}", helpful, kind.label());
        return helpful;
    }

    private static String questionIn(ObjectNode data) {
        JsonNode q = data.path("question");
        return q.isTextual() ? limit(q.asText()) : "";
    }

    /** At most the question limit, never half a surrogate pair. */
    static String limit(String s) {
        if (s.length() <= MAX_QUESTION_IN_DATA) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_QUESTION_IN_DATA - 1)) ? MAX_QUESTION_IN_DATA - 1 : MAX_QUESTION_IN_DATA;
        return s.substring(0, end);
    }

    /** The whole turn of a message that arrived when every turn was taken: the busy reply, without the core. */
    static CompletableFuture<Void> busy(TurnContext turnContext) {
        return send(turnContext, BUSY);
    }

    private static CompletableFuture<Void> send(TurnContext turnContext, String text) {
        return turnContext.sendActivity(text).thenApply(r -> null);
    }

    /** Channels and group chats, where Kotae only answers when @mentioned. */
    static boolean isShared(Activity activity) {
        String type = activity.getConversation() == null ? null : activity.getConversation().getConversationType();
        if (type != null) {
            return type.equalsIgnoreCase("channel") || type.equalsIgnoreCase("groupChat");
        }
        return activity.getConversation() != null && activity.getConversation().isGroup();
    }

    static String userId(Activity activity) {
        if (activity.getFrom() == null) {
            return null;
        }
        return activity.getFrom().getAadObjectId() != null ? activity.getFrom().getAadObjectId() : activity.getFrom().getId();
    }

    private static String conversationId(Activity activity) {
        return activity.getConversation() == null ? null : activity.getConversation().getId();
    }

    /** Ids go into the audit log as they are, but never with line breaks that could forge a log line. */
    private static String safe(String s) {
        return s == null ? "(none)" : s.replaceAll("[\\r\\n\\t]", "_");
    }

    private static AdaptiveCardInvokeResponse invokeMessage(String text) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType("application/vnd.microsoft.activity.message");
        response.setValue(text);
        return response;
    }

    private static AdaptiveCardInvokeResponse invokeError(int status, String code, String message) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(status);
        response.setType("application/vnd.microsoft.error");
        response.setValue(Map.of("code", code, "message", message));
        return response;
    }

    /** An invoke the SDK refuses (a malformed {@code adaptiveCard/action}) still gets its status and body back. */
    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turnContext) {
        return super.onInvokeActivity(turnContext).exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof InvokeResponseException ire) {
                return ire.createInvokeResponse();
            }
            throw e instanceof CompletionException ce ? ce : new CompletionException(e);
        });
    }
}
