package dev.kotae.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.GovernmentChannelValidation;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftGovernmentAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's adapter, configured from {@link TeamsSettings}: the app id and password validate incoming
 * tokens and sign outgoing replies; a tenant id makes the outgoing token come from that tenant
 * (single-tenant bots). Everything Bot Framework stays inside this module.
 */
final class KotaeTeamsAdapter extends BotFrameworkAdapter {
    /** Makes the credentials replies are sent with; tests replace it to stay off the network. */
    @FunctionalInterface
    interface CredentialsFactory {
        AppCredentials create(String appId, String scope);
    }

    static final String ERROR_REPLY = "申し訳ありません。回答の途中でエラーが発生しました。もう一度お試しください。"
            + "解決しない場合は情報システム部門にお問い合わせください。";
    /**
     * Replies in flight at once to one service URL. Every Teams reply goes to the same host, and the SDK's
     * own clients use OkHttp's default of 5 per host: with the Bot Connector taking ~100 ms a reply, that
     * capped the whole bot at ~45 replies/s, the rest waiting in line.
     */
    static final int MAX_REPLIES_IN_FLIGHT = 64;
    private static final Logger LOG = LoggerFactory.getLogger(KotaeTeamsAdapter.class);

    private final CredentialProvider credentials;
    private final ChannelProvider channel;
    private final AuthenticationConfiguration authConfig;
    private final CredentialsFactory credentialsFactory;
    /** The header-only check before the body is read; its keys are cached (see {@link SigningKeys}). */
    private final TokenGate tokenGate;
    /** One connector client per service URL and credentials, as the SDK keeps them, with a wider dispatcher. */
    private final Map<String, ConnectorClient> connectorClients = new ConcurrentHashMap<>();

    KotaeTeamsAdapter(TeamsSettings settings) {
        this(settings, (appId, scope) -> new MicrosoftAppCredentials(appId, settings.appPassword(), settings.tenantId(), scope));
    }

    KotaeTeamsAdapter(TeamsSettings settings, CredentialsFactory credentialsFactory) {
        this(new SimpleCredentialProvider(settings.appId(), settings.appPassword()), new SimpleChannelProvider(),
                new AuthenticationConfiguration(), credentialsFactory, metadataUrl(settings));
    }

    /** The channel's OpenID metadata: the setting's, which the SDK is told too, else the SDK's (the public cloud's). */
    private static String metadataUrl(TeamsSettings settings) {
        if (settings.openIdMetadata() != null) {
            ChannelValidation.setOpenIdMetaDataUrl(settings.openIdMetadata());
            GovernmentChannelValidation.setOpenIdMetaDataUrl(settings.openIdMetadata());
        }
        return ChannelValidation.getOpenIdMetaDataUrl();
    }

    private KotaeTeamsAdapter(CredentialProvider credentials, ChannelProvider channel, AuthenticationConfiguration authConfig,
                              CredentialsFactory credentialsFactory, String metadataUrl) {
        super(credentials, authConfig, channel, null, null);
        this.credentials = credentials;
        this.channel = channel;
        this.authConfig = authConfig;
        this.credentialsFactory = credentialsFactory;
        this.tokenGate = TokenGate.forChannel(metadataUrl);
        setOnTurnError(this::onError);
    }

    TokenGate tokenGate() {
        return tokenGate;
    }

    /**
     * Validates the request's bearer token (or, with authentication off, accepts it anonymously). Every
     * way this can fail, thrown or in the future, means the request is not authenticated.
     */
    CompletableFuture<ClaimsIdentity> authenticate(String authHeader, Activity activity) {
        try {
            return JwtTokenValidation.authenticateRequest(activity, authHeader, credentials, channel, authConfig);
        } catch (RuntimeException e) { // e.g. JWTDecodeException for a malformed token, thrown before any future
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return CompletableFuture.completedFuture(credentialsFactory.create(appId, scope));
    }

    /**
     * As the SDK does it (one cached client per service URL, app id and scope), except that the client's
     * dispatcher lets {@link #MAX_REPLIES_IN_FLIGHT} requests go to the service URL at once, not 5.
     */
    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl, AppCredentials usingAppCredentials) {
        AppCredentials credentials = usingAppCredentials != null ? usingAppCredentials
                : channel != null && channel.isGovernment() ? MicrosoftGovernmentAppCredentials.empty() : MicrosoftAppCredentials.empty();
        String key = keyForConnectorClient(serviceUrl, usingAppCredentials == null ? null : usingAppCredentials.getAppId(),
                usingAppCredentials == null ? null : usingAppCredentials.oAuthScope());
        try {
            return CompletableFuture.completedFuture(connectorClients.computeIfAbsent(key, k -> {
                try {
                    Dispatcher dispatcher = new Dispatcher();
                    dispatcher.setMaxRequests(MAX_REPLIES_IN_FLIGHT);
                    dispatcher.setMaxRequestsPerHost(MAX_REPLIES_IN_FLIGHT);
                    return new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(
                            new URI(serviceUrl).toURL().toString(), credentials).withDispatcher(dispatcher).build());
                } catch (Exception e) {
                    throw new IllegalArgumentException("Invalid Service URL: " + serviceUrl, e);
                }
            }));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> onError(TurnContext turnContext, Throwable error) {
        Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
        LOG.error("turn failed ({}): {}", cause.getClass().getSimpleName(), cause.getMessage());
        LOG.debug("turn failure", cause);
        if (turnContext.getActivity() == null || !ActivityTypes.MESSAGE.equals(turnContext.getActivity().getType())
                || turnContext.getResponded()) {
            return CompletableFuture.completedFuture(null);
        }
        // If even this cannot be sent the turn fails (a 500, and the channel retries): a 200 would be a silent drop.
        return turnContext.sendActivity(ERROR_REPLY).handle((r, e) -> {
            if (e != null) {
                LOG.warn("could not tell the user about the error: {}", e.getMessage());
                throw e instanceof java.util.concurrent.CompletionException ce ? ce : new java.util.concurrent.CompletionException(e);
            }
            return null;
        });
    }
}
