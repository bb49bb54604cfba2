package dev.kotae.teams;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Teams adapter's settings, all from the environment. The app password is a secret: it is kept
 * here only to hand it to the SDK and never appears in {@link #toString()} or in a log line.
 *
 * @param appId          {@code MicrosoftAppId}: the bot's Azure AD application id; null in dev mode without one
 * @param appPassword    {@code MicrosoftAppPassword}: its client secret
 * @param tenantId       {@code MicrosoftAppTenantId}: set for a single-tenant bot, else null
 * @param port           {@code KOTAE_TEAMS_PORT}, default 3978 (0 picks a free port)
 * @param dev            {@code KOTAE_TEAMS_DEV=true}: local emulator mode, bound to 127.0.0.1 only
 * @param admins         {@code KOTAE_ADMINS}: AAD object ids allowed to reindex, lower-case
 * @param openIdMetadata {@code BotOpenIdMetadata}: the channel's OpenID metadata URL when not the public cloud's
 */
public record TeamsSettings(String appId, String appPassword, String tenantId, int port, boolean dev,
                            Set<String> admins, String openIdMetadata) {
    public static final int DEFAULT_PORT = 3978;

    /** A setting that stops the adapter from starting, with what to do about it. */
    public static final class SettingsException extends Exception {
        public SettingsException(String message) {
            super(message);
        }
    }

    public TeamsSettings {
        admins = Set.copyOf(admins);
    }

    /** Whether requests must carry a valid Bot Framework token. */
    public boolean authEnabled() {
        return appId != null;
    }

    /** Dev mode listens on loopback only; otherwise on every interface (put it behind your reverse proxy). */
    public String bindHost() {
        return dev ? "127.0.0.1" : "0.0.0.0";
    }

    public boolean isAdmin(String aadObjectId) {
        return aadObjectId != null && admins.contains(aadObjectId.strip().toLowerCase(Locale.ROOT));
    }

    public static TeamsSettings fromEnvironment() throws SettingsException {
        return from(System.getenv());
    }

    public static TeamsSettings from(Map<String, String> env) throws SettingsException {
        String appId = value(env, "MicrosoftAppId");
        String password = value(env, "MicrosoftAppPassword");
        String tenant = value(env, "MicrosoftAppTenantId");
        String devValue = value(env, "KOTAE_TEAMS_DEV");
        boolean dev = devValue != null && Set.of("true", "1", "yes", "on").contains(devValue.toLowerCase(Locale.ROOT));
        if (devValue != null && !dev && !Set.of("false", "0", "no", "off").contains(devValue.toLowerCase(Locale.ROOT))) {
            throw new SettingsException("KOTAE_TEAMS_DEV must be true or false, not \"" + devValue + "\".");
        }
        int port = DEFAULT_PORT;
        String portValue = value(env, "KOTAE_TEAMS_PORT");
        if (portValue != null) {
            try {
                port = Integer.parseInt(portValue);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new SettingsException("KOTAE_TEAMS_PORT must be a port number (0-65535), not \"" + portValue + "\".");
            }
        }
        if (appId == null && !dev) {
            throw new SettingsException("MicrosoftAppId is not set. Register the bot (see the Teams section of the README) and set "
                    + "MicrosoftAppId and MicrosoftAppPassword (and MicrosoftAppTenantId for a single-tenant bot), "
                    + "or set KOTAE_TEAMS_DEV=true to try it locally with the Bot Framework Emulator.");
        }
        if (appId != null && password == null) {
            throw new SettingsException("MicrosoftAppId is set but MicrosoftAppPassword is not: the bot could not reply. "
                    + "Set the client secret of the bot's app registration in MicrosoftAppPassword.");
        }
        if (appId == null && (password != null || tenant != null)) {
            throw new SettingsException("MicrosoftAppPassword or MicrosoftAppTenantId is set without MicrosoftAppId.");
        }
        String admins = value(env, "KOTAE_ADMINS");
        Set<String> adminIds = admins == null ? Set.of() : Arrays.stream(admins.split("[,;\\s]+"))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new TeamsSettings(appId, password, tenant, port, dev, adminIds, value(env, "BotOpenIdMetadata"));
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + (appId == null ? "none" : appId) + ", appPassword=" + (appPassword == null ? "none" : "(set)")
                + ", tenantId=" + (tenantId == null ? "none (multi-tenant)" : tenantId) + ", port=" + port + ", dev=" + dev
                + ", admins=" + admins.size() + "]";
    }
}
