package dev.kotae.teams;

import dev.kotae.settings.Environment;
import dev.kotae.settings.SettingException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Teams adapter's settings, all from the environment, read and checked once at start-up (with
 * the core's, {@link dev.kotae.settings.CoreSettings}). The app password is a secret: it is kept
 * here only to hand it to the SDK and never appears in {@link #toString()} or in a log line.
 *
 * @param appId          {@code MicrosoftAppId}: the bot's Azure AD application id; null in dev mode without one
 * @param appPassword    {@code MicrosoftAppPassword}: its client secret
 * @param tenantId       {@code MicrosoftAppTenantId}: set for a single-tenant bot, else null
 * @param port           {@code KOTAE_TEAMS_PORT}, default 3978 (0 picks a free port)
 * @param bind           {@code KOTAE_TEAMS_BIND}: the address to listen on; default every interface ({@code 0.0.0.0}),
 *                       and always loopback in dev mode (anonymous requests must not come from elsewhere)
 * @param dev            {@code KOTAE_TEAMS_DEV=true}: local emulator mode, bound to 127.0.0.1 only
 * @param admins         {@code KOTAE_ADMINS}: AAD object ids allowed to reindex, lower-case
 * @param openIdMetadata {@code BotOpenIdMetadata}: the channel's OpenID metadata URL when not the public cloud's
 */
public record TeamsSettings(String appId, String appPassword, String tenantId, int port, String bind, boolean dev,
                            Set<String> admins, String openIdMetadata) {
    public static final int DEFAULT_PORT = 3978;
    /** Outside dev mode: every interface, as before the setting existed (the reverse proxy may be on another host). */
    public static final String DEFAULT_BIND = "0.0.0.0";
    static final String LOOPBACK = "127.0.0.1";
    /**
     * As {@code KOTAE_SLACK_BIND}: a host name or IPv4 address, or an IPv6 address in or out of brackets; an
     * IPv6 address has at least two colons, so {@code 0.0.0.0:3978} (a port where an address belongs) is refused.
     */
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*|\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*\\]?");
    private static final Set<String> LOOPBACKS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    /** An Azure app id is a GUID; any run of letters, digits and '-' is taken (emulators use short ids). */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    /** A tenant is a GUID or a domain such as contoso.onmicrosoft.com. */
    static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,253}");

    public TeamsSettings {
        admins = Set.copyOf(admins);
    }

    /** Whether requests must carry a valid Bot Framework token. */
    public boolean authEnabled() {
        return appId != null;
    }

    /** The address to listen on: {@link #bind}, which is loopback in dev mode. */
    public String bindHost() {
        return bind;
    }

    public boolean isAdmin(String aadObjectId) {
        return aadObjectId != null && admins.contains(aadObjectId.strip().toLowerCase(Locale.ROOT));
    }

    public static TeamsSettings fromEnvironment() throws SettingException {
        return from(Environment.system());
    }

    public static TeamsSettings from(Map<String, String> env) throws SettingException {
        return from(new Environment(env));
    }

    /** Every Teams setting, checked: a missing or malformed one is a {@link SettingException} (one line). */
    public static TeamsSettings from(Environment env) throws SettingException {
        String appId = env.secret("MicrosoftAppId", ID, " Azure のアプリ ID（空白のない英数字と '-'）",
                "00000000-0000-0000-0000-000000000000").orElse(null);
        String password = env.text("MicrosoftAppPassword").orElse(null);
        String tenant = env.secret("MicrosoftAppTenantId", TENANT, " テナント ID（GUID かドメイン名）",
                "00000000-0000-0000-0000-000000000000").orElse(null);
        boolean dev = env.flag("KOTAE_TEAMS_DEV", false);
        int port = env.port("KOTAE_TEAMS_PORT", DEFAULT_PORT);
        String bind = env.text("KOTAE_TEAMS_BIND").orElse(dev ? LOOPBACK : DEFAULT_BIND);
        if (!HOST.matcher(bind).matches()) {
            throw Environment.problem("KOTAE_TEAMS_BIND", " の値は待ち受けるアドレス（IP アドレスかホスト名）にしてください", "127.0.0.1");
        }
        if (dev && !LOOPBACKS.contains(bind.toLowerCase(Locale.ROOT))) {
            throw Environment.problem("KOTAE_TEAMS_BIND", " は KOTAE_TEAMS_DEV=true では 127.0.0.1 だけです（開発モードは認証なしのため）", "127.0.0.1");
        }
        String metadata = env.url("BotOpenIdMetadata", "https://login.botframework.com/v1/.well-known/openidconfiguration")
                .map(java.net.URI::toString).orElse(null);
        if (appId == null && !dev) {
            throw Environment.problem("MicrosoftAppId", " が設定されていません。ボットを登録して（README.md の「Microsoft Teams」）"
                    + "MicrosoftAppId と MicrosoftAppPassword を設定するか、Bot Framework Emulator で試すなら KOTAE_TEAMS_DEV=true にしてください",
                    "00000000-0000-0000-0000-000000000000");
        }
        if (appId != null && password == null) {
            throw Environment.problem("MicrosoftAppPassword", " が設定されていません。MicrosoftAppId があるのに返信できません。"
                    + "ボットのアプリ登録のクライアントシークレットを設定してください", "（Azure ポータルで作ったシークレット）");
        }
        if (appId == null && (password != null || tenant != null)) {
            throw Environment.problem(password != null ? "MicrosoftAppPassword" : "MicrosoftAppTenantId",
                    " は MicrosoftAppId なしでは使えません。MicrosoftAppId も設定してください", "（MicrosoftAppId とともに）");
        }
        Set<String> adminIds = env.list("KOTAE_ADMINS").stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new TeamsSettings(appId, password, tenant, port, bind, dev, adminIds, metadata);
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + (appId == null ? "none" : appId) + ", appPassword=" + (appPassword == null ? "none" : "(set)")
                + ", tenantId=" + (tenantId == null ? "none (multi-tenant)" : tenantId) + ", bind=" + bind + ", port=" + port + ", dev=" + dev
                + ", admins=" + admins.size() + "]";
    }
}
