package dev.kotae.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.kotae.adapter.RecentKeys;
import dev.kotae.answer.Answer;
import dev.kotae.answer.Citation;
import dev.kotae.answer.Feedback;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import dev.kotae.answer.ReindexReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of Kotae: a Bolt {@link App} whose handlers turn Slack events into
 * {@link Question}s for the shared {@link KotaeService} and its {@link Answer}s into Block Kit.
 * A request is acknowledged at once once it has a place ({@link Intake}): a worker's, or the busy
 * lane's; without one it is not acknowledged, so nothing acknowledged is ever left unanswered.
 * Answering runs on this adapter's worker threads. The same app serves HTTP mode and Socket Mode.
 */
public final class KotaeSlackApp implements AutoCloseable {
    static final String PLATFORM = "slack";
    private static final Logger log = LoggerFactory.getLogger(KotaeSlackApp.class);
    private static final Logger audit = LoggerFactory.getLogger("dev.kotae.slack.audit");
    private static final long HOUR = 3_600_000L;
    /** Told to the asker when the workers' queue is full: nothing is silently dropped. */
    static final String BUSY = "⏳ ただいま質問が集中していて、この質問にはお答えできませんでした。少し時間をおいて、もう一度質問してください。";
    /**
     * Answering threads. A worker spends most of an answer waiting on the Web API (👀, then
     * chat.postMessage: ~100 ms or more each at Slack), little on the core (~1 ms), so there are many
     * more workers than cores. {@link #QUEUE} questions may wait for one; a question that finds no room
     * is not acknowledged unless the busy lane can tell its asker ({@link Intake}).
     */
    static final int WORKERS = 32;
    static final int QUEUE = 500;
    /** Busy replies are one Web API call each: two threads, and room for a fifth of the questions' queue. */
    static final int BUSY_THREADS = 2;
    /** A button value or question kept from a click: the core's question limit. */
    static final int MAX_VALUE = dev.kotae.answer.AnswerSettings.MAX_QUESTION_LENGTH;

    private final KotaeService service;
    private final SlackSettings settings;
    private final Slack slack;
    private final MethodsClient client;
    private final App app;
    private final Intake intake;
    /**
     * At most one answer per core is computed at a time (by default): the other workers wait on the Web
     * API or here, not for the CPU, so the request threads that must ack within Slack's 3 seconds are not
     * starved by dozens of runnable workers.
     */
    private final java.util.concurrent.Semaphore answering;
    /** Event ids and message (channel, ts) pairs already taken: retries and double deliveries are answered once. */
    private final RecentKeys seen = new RecentKeys(20_000, 2 * HOUR);
    /** Threads Kotae answered in: a later message there is a follow-up, answered without a mention. */
    private final RecentKeys threads = new RecentKeys(20_000, 7 * 24 * HOUR);

    public KotaeSlackApp(KotaeService service, SlackSettings settings) {
        this(service, settings, WORKERS, QUEUE, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** With {@code threads} workers, room for {@code queue} waiting questions, {@code computing} answers computed at once. */
    KotaeSlackApp(KotaeService service, SlackSettings settings, int threads, int queue, int computing) {
        this(service, settings, threads, queue, computing, Math.max(16, queue / 5));
    }

    /** As above, with room for {@code busyQueue} busy replies waiting for the busy lane's two threads. */
    KotaeSlackApp(KotaeService service, SlackSettings settings, int threads, int queue, int computing, int busyQueue) {
        this.service = service;
        this.answering = new java.util.concurrent.Semaphore(computing);
        this.settings = settings;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.getMethodsConfig().setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.client = slack.methods(settings.botToken());
        this.intake = new Intake(threads, queue, BUSY_THREADS, busyQueue);
        AppConfig appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .allEventsApiAutoAckEnabled(true)
                .subtypedMessageEventsAutoAckEnabled(true)
                .build();
        // Bolt takes an event handler's non-200 response as "not mine" and, with auto-ack on, acknowledges
        // the event anyway. So a handler that refuses says so on its thread (handlers run inside run()),
        // and run(), which both modes call, turns the response into the 503 that is not an acknowledgement.
        // (A middleware would do, but adding one makes Bolt call auth.test there and then.)
        this.app = new App(appConfig) {
            @Override
            @SuppressWarnings("rawtypes") // Bolt's own signature
            public com.slack.api.bolt.response.Response run(com.slack.api.bolt.request.Request request) throws Exception {
                REFUSED.remove();
                try {
                    com.slack.api.bolt.response.Response r = super.run(request);
                    return Boolean.TRUE.equals(REFUSED.get()) ? refusal() : r;
                } finally {
                    REFUSED.remove();
                }
            }
        };
        register();
    }

    public App app() {
        return app;
    }

    public Slack slack() {
        return slack;
    }

    /** Checks the bot token against the Web API: null when it works, else the reason. */
    public String checkToken() {
        try {
            var r = client.authTest(b -> b);
            return r.isOk() ? null : "SLACK_BOT_TOKEN が Slack に受け付けられませんでした（auth.test: " + r.getError()
                    + "）。Slack アプリの Bot User OAuth Token を確かめてください";
        } catch (Exception e) {
            return "Slack の Web API（" + settings.apiUrl() + "）に接続できませんでした（" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "）";
        }
    }

    // ---- routing ----

    private void register() {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (e.getBotId() == null && e.getUser() != null) {
                String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
                String botUser = ctx.getBotUserId();
                Intake.Outcome outcome = once(payload.getEventId(), e.getChannel(), e.getTs(),
                        () -> answerInConversation(e.getChannel(), e.getTs(), thread, e.getUser(), SlackText.question(e.getText(), botUser)),
                        () -> busyInConversation(e.getChannel(), thread));
                if (outcome == Intake.Outcome.REFUSED) {
                    return notNow();
                }
            }
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            return onMessage(payload.getEventId(), e.getChannel(), e.getChannelType(), e.getUser(), e.getBotId(), e.getTs(),
                    e.getThreadTs(), e.getText(), ctx.getBotUserId()) == Intake.Outcome.REFUSED ? notNow() : ctx.ack();
        });
        app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
            MessageThreadBroadcastEvent e = payload.getEvent();
            return onMessage(payload.getEventId(), e.getChannel(), e.getChannelType(), e.getUser(), null, e.getTs(),
                    e.getThreadTs(), e.getText(), ctx.getBotUserId()) == Intake.Outcome.REFUSED ? notNow() : ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if ("home".equals(e.getTab()) && e.getUser() != null) {
                // Not a question: without room, the Home tab is simply published on the next visit.
                once(payload.getEventId(), null, null, () -> publishHome(e.getUser()), null);
            }
            return ctx.ack();
        });
        app.command("/kotae", (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            Intake.Outcome outcome = intake.submit(() -> slashCommand(p), () -> privately(new Reply(p.getChannelId(),
                    p.getUserId(), null, p.getResponseUrl()), List.of(Blocks.section(BUSY)), BUSY));
            if (outcome == Intake.Outcome.REFUSED) {
                // The acknowledgement itself tells the user (Slack shows it to them alone): no queue can be full.
                intake.busyInline();
                return ctx.ack(BUSY);
            }
            return ctx.ack();
        });
        app.blockAction(Pattern.compile("^kotae_.*"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            // Not acknowledged when refused: Slack shows the clicker that the button did not work.
            return intake.submit(() -> blockAction(p), () -> busyForButton(p)) == Intake.Outcome.REFUSED ? notNow() : ctx.ack();
        });
    }

    /** Set by a handler (on the thread running it) that found no place for its request: see the constructor. */
    private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

    /**
     * Not acknowledged: Slack delivers an event again (at once, after a minute, after five), in Socket
     * Mode too (Bolt sends no ack for a response that is not 200).
     */
    private static com.slack.api.bolt.response.Response notNow() {
        REFUSED.set(Boolean.TRUE);
        return refusal();
    }

    private static com.slack.api.bolt.response.Response refusal() {
        return com.slack.api.bolt.response.Response.builder().statusCode(503).contentType("application/json; charset=utf-8")
                .body("{\"error\":\"busy, try again later\"}").build();
    }

    /** Null when the message is not for Kotae (or already taken); else where it went. */
    private Intake.Outcome onMessage(String eventId, String channel, String channelType, String user, String botId, String ts,
                                     String threadTs, String text, String botUserId) {
        if (botId != null || user == null || user.equals(botUserId) || channel == null || ts == null) {
            return null;
        }
        String thread;
        if ("im".equals(channelType)) {
            thread = threadTs; // a DM is answered where it was asked: top level, or in its thread
        } else if (threadTs != null && !threadTs.equals(ts) && threads.contains(channel + ":" + threadTs)) {
            thread = threadTs; // a follow-up in a thread Kotae answered
        } else {
            return null;
        }
        return once(eventId, channel, ts, () -> answerInConversation(channel, ts, thread, user, SlackText.question(text, botUserId)),
                () -> busyInConversation(channel, thread));
    }

    /**
     * Submits the first delivery of an event (by id) and its message (by channel and ts); a retry or a
     * double delivery is taken as done (null). A refused event is forgotten again, so that Slack's
     * retry of it is handled.
     */
    private Intake.Outcome once(String eventId, String channel, String ts, Runnable task, Runnable whenBusy) {
        String eventKey = eventId == null ? null : "event:" + eventId;
        String messageKey = channel == null || ts == null ? null : "message:" + channel + ":" + ts;
        if (eventKey != null && !seen.add(eventKey)) {
            log.debug("event {} already taken (a retry)", eventId);
            return null;
        }
        if (messageKey != null && !seen.add(messageKey)) {
            return null;
        }
        Intake.Outcome outcome = intake.submit(task, whenBusy);
        if (outcome == Intake.Outcome.REFUSED) {
            if (eventKey != null) {
                seen.remove(eventKey);
            }
            if (messageKey != null) {
                seen.remove(messageKey);
            }
        }
        return outcome;
    }

    /** Counters for {@code /healthz}. */
    Intake.Counts counts() {
        return intake.counts();
    }

    /** The core's side of {@code /healthz}. */
    dev.kotae.answer.AnswerHealth health() {
        return service.health();
    }

    private void busyInConversation(String channel, String thread) {
        call("chat.postMessage", () -> client.chatPostMessage(m -> m.channel(channel).threadTs(thread).text(BUSY)
                .blocks(List.of(Blocks.section(BUSY))).unfurlLinks(false).unfurlMedia(false)));
    }

    /** A button clicked while Kotae is overloaded: the clicker alone is told to try again. */
    private void busyForButton(BlockActionPayload p) {
        if (p.getUser() == null) {
            return;
        }
        BlockActionPayload.Container container = p.getContainer();
        String channel = p.getChannel() != null ? p.getChannel().getId() : container == null ? null : container.getChannelId();
        boolean fromHome = container != null && "view".equals(container.getType());
        if (fromHome || channel == null) {
            busyInConversation(p.getUser().getId(), null); // the app's DM, where the Home tab's examples are answered
        } else {
            privately(new Reply(channel, p.getUser().getId(), threadOf(p, channel), p.getResponseUrl()),
                    List.of(Blocks.section(BUSY)), BUSY);
        }
    }

    // ---- conversations ----

    private Answer ask(String text, String user) {
        answering.acquireUninterruptibly();
        try {
            return service.answer(new Question(text, PLATFORM, user));
        } finally {
            answering.release();
        }
    }

    /** Answers in a channel thread or a DM; {@code questionTs} (if any) gets a 👀 while Kotae works. */
    private void answerInConversation(String channel, String questionTs, String thread, String user, String text) {
        if (questionTs != null) {
            call("reactions.add", () -> client.reactionsAdd(r -> r.channel(channel).timestamp(questionTs).name("eyes")));
        }
        if (thread != null) {
            threads.add(channel + ":" + thread); // from now on, a message in this thread is a follow-up
        }
        Answer answer = ask(text, user);
        List<LayoutBlock> blocks = Blocks.answer(text, answer, Blocks.Audience.PUBLIC, user);
        call("chat.postMessage", () -> client.chatPostMessage(m -> m.channel(channel)
                .threadTs(thread).text(Blocks.fallback(answer)).blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
    }

    private void publishHome(String user) {
        call("views.publish", () -> client.viewsPublish(v -> v.userId(user).view(Blocks.home(service.stats()))));
    }

    // ---- /kotae ----

    private void slashCommand(SlashCommandPayload p) {
        String text = SlackText.question(p.getText(), null);
        String word = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        Reply reply = new Reply(p.getChannelId(), p.getUserId(), null, p.getResponseUrl());
        switch (text.isEmpty() ? "help" : word) {
            case "help", "ヘルプ", "-h", "--help" -> privately(reply, Blocks.help(), "Kotae の使い方");
            case "stats" -> privately(reply, List.of(Blocks.section("*コーパスの統計*\n" + SlackText.escape(service.stats()))),
                    SlackText.escape(service.stats()));
            case "reindex" -> reindex(p, reply);
            default -> {
                Answer answer = ask(text, p.getUserId());
                privately(reply, Blocks.answer(text, answer, Blocks.Audience.PRIVATE, p.getUserId()), Blocks.fallback(answer));
            }
        }
    }

    private void reindex(SlashCommandPayload p, Reply reply) {
        String who = "user=" + p.getUserId() + " team=" + p.getTeamId() + " channel=" + p.getChannelId();
        if (!settings.admins().contains(p.getUserId())) {
            audit.warn("reindex refused: {} is not in KOTAE_ADMINS", who);
            String refusal = "⛔ インデックスの再作成は管理者（KOTAE_ADMINS）だけが実行できます。権限がありません。";
            service.audit(PLATFORM, p.getUserId(), "reindex", "refused", refusal);
            privately(reply, List.of(Blocks.section(refusal)), refusal);
            return;
        }
        audit.info("reindex started by {}", who);
        ReindexReport report = service.reindex(PLATFORM, p.getUserId()); // the core audits it too
        audit.info("reindex by {}: {}", who, report.status());
        String summary = SlackText.escape(report.summary());
        privately(reply, Blocks.textSections(report.summary(), Blocks.MESSAGE_BLOCKS_MAX), summary);
    }

    // ---- buttons ----

    private void blockAction(BlockActionPayload p) {
        if (p.getActions() == null || p.getUser() == null) {
            return;
        }
        String user = p.getUser().getId();
        BlockActionPayload.Container container = p.getContainer();
        boolean ephemeral = container != null && container.isEphemeral();
        boolean fromHome = container != null && "view".equals(container.getType());
        String channel = p.getChannel() != null ? p.getChannel().getId() : container == null ? null : container.getChannelId();
        String thread = threadOf(p, channel);
        Reply reply = new Reply(channel, user, thread, p.getResponseUrl());
        for (BlockActionPayload.Action action : p.getActions()) {
            String id = action.getActionId() == null ? "" : action.getActionId();
            // Kotae's own buttons carry at most Blocks.VALUE_MAX characters: anything longer is cut to the
            // longest question the core answers before it is asked, stored or echoed.
            String value = SlackText.clip(action.getValue() == null ? "" : action.getValue(), MAX_VALUE);
            if (id.startsWith(Blocks.FOLLOW_UP) || id.startsWith(Blocks.EXAMPLE)) {
                if (fromHome || channel == null) {
                    answerInConversation(user, null, null, user, value); // the app's DM with the user
                } else if (ephemeral) {
                    Answer answer = ask(value, user);
                    privately(reply, Blocks.answer(value, answer, Blocks.Audience.PRIVATE, user), Blocks.fallback(answer));
                } else {
                    answerInConversation(channel, null, thread, user, value);
                }
            } else if (id.startsWith(Blocks.SOURCE)) {
                showSource(reply, value, user, id.substring(Blocks.SOURCE.length()));
            } else if (id.equals(Blocks.FEEDBACK_UP) || id.equals(Blocks.FEEDBACK_DOWN)) {
                boolean helpful = id.equals(Blocks.FEEDBACK_UP);
                Question q = new Question(value, PLATFORM, user);
                service.recordFeedback(Feedback.on(q, ask(value, user), helpful));
                String thanks = (helpful ? "👍" : "👎") + " フィードバックを記録しました。ありがとうございます。";
                privately(reply, List.of(Blocks.context(thanks)), thanks);
            } else if (id.equals(Blocks.SHARE)) {
                share(reply, value, user);
            }
        }
    }

    /** The thread a button's message lives in: its thread, else (in a channel) the message itself. */
    private static String threadOf(BlockActionPayload p, String channel) {
        BlockActionPayload.Container c = p.getContainer();
        if (c != null && c.getThreadTs() != null) {
            return c.getThreadTs();
        }
        if (p.getMessage() != null && p.getMessage().getThreadTs() != null) {
            return p.getMessage().getThreadTs();
        }
        if (channel == null || channel.startsWith("D") || c == null || c.isEphemeral()) {
            return null;
        }
        return c.getMessageTs();
    }

    private void showSource(Reply reply, String question, String user, String index) {
        Answer answer = ask(question, user);
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            i = -1;
        }
        if (i < 0 || i >= answer.citations().size()) {
            String gone = "この出典は見つかりませんでした（インデックスが更新された可能性があります）。もう一度質問してください。";
            privately(reply, List.of(Blocks.section(gone)), gone);
            return;
        }
        Citation c = answer.citations().get(i);
        String full = service.fullText(c).orElse(c.snippet());
        privately(reply, Blocks.source(c, full), SlackText.escape(SlackText.clip(c.label(), 200)));
    }

    private void share(Reply reply, String question, String user) {
        Answer answer = ask(question, user);
        List<LayoutBlock> blocks = Blocks.answer(question, answer, Blocks.Audience.SHARED, user);
        ChatPostMessageResponse r = reply.channel() == null ? null : call("chat.postMessage", () -> client.chatPostMessage(
                m -> m.channel(reply.channel()).text(Blocks.fallback(answer)).blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
        Map<String, Object> body = new LinkedHashMap<>();
        if (r != null && r.isOk()) {
            body.put("delete_original", true); // the private copy is no longer needed
        } else {
            body.put("response_type", "in_channel");
            body.put("replace_original", false);
            body.put("text", Blocks.fallback(answer));
            body.put("blocks", blocks);
        }
        respond(reply.responseUrl(), body);
    }

    // ---- replies only the user sees ----

    /** Where a private reply goes: an ephemeral message in the channel (and thread), else the response_url. */
    record Reply(String channel, String user, String thread, String responseUrl) {}

    private void privately(Reply reply, List<LayoutBlock> blocks, String fallback) {
        if (reply.channel() != null && reply.user() != null) {
            var r = call("chat.postEphemeral", () -> client.chatPostEphemeral(m -> m.channel(reply.channel())
                    .user(reply.user()).threadTs(reply.thread()).text(fallback).blocks(blocks)));
            if (r != null && r.isOk()) {
                return;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", "ephemeral");
        body.put("replace_original", false);
        body.put("text", fallback);
        body.put("blocks", blocks);
        respond(reply.responseUrl(), body);
    }

    private void respond(String responseUrl, Map<String, Object> body) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return;
        }
        if (!slackUrl(responseUrl)) {
            log.warn("ignored a response_url that is not Slack's");
            return;
        }
        try {
            var r = slack.getHttpClient().postJsonBody(responseUrl, body);
            if (!r.isSuccessful()) {
                log.warn("response_url answered HTTP {}", r.code());
            }
            r.close();
        } catch (Exception e) {
            log.warn("response_url failed: {}", e.getClass().getSimpleName());
        }
    }

    /** A response_url Kotae may post to: Slack's own hosts, or the host of the configured Web API. */
    boolean slackUrl(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            String host = uri.getHost();
            if (host == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            boolean slack = "https".equals(uri.getScheme()) && (h.equals("slack.com") || h.endsWith(".slack.com")
                    || h.equals("slack-gov.com") || h.endsWith(".slack-gov.com"));
            java.net.URI api = java.net.URI.create(settings.apiUrl());
            return slack || (h.equalsIgnoreCase(api.getHost()) && uri.getPort() == api.getPort()
                    && java.util.Objects.equals(uri.getScheme(), api.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface ApiCall<T extends SlackApiTextResponse> {
        T run() throws Exception;
    }

    /** Calls the Web API; failures are logged by method and error code (never with a token) and give null or the error response. */
    private <T extends SlackApiTextResponse> T call(String method, ApiCall<T> call) {
        try {
            T r = call.run();
            if (!r.isOk()) {
                intake.apiFailures.increment();
                log.warn("{} failed: {}", method, r.getError());
            }
            return r;
        } catch (Exception e) {
            intake.apiFailures.increment();
            log.warn("{} failed: {}", method, e.getClass().getSimpleName());
            return null;
        }
    }

    @Override
    public void close() {
        intake.close();
        try {
            slack.close();
        } catch (Exception e) {
            // closing the HTTP client's pools; nothing to report
        }
    }
}
