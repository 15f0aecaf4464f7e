package app.rapport.api.account;

import app.rapport.api.RapportErrorType;
import app.rapport.application.account.Account;
import app.rapport.application.account.AccountService;
import app.rapport.application.account.Unauthenticated;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import jakarta.servlet.http.HttpServletRequest;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes the bearer token of every GraphQL request into its GraphQL context, where {@link CallerAuthentication}
 * checks it when a field needs the caller. Over HTTP the token comes in the header
 * {@code Authorization: Bearer <token>}; over WebSocket ({@code graphql-transport-ws}) in the
 * {@code connection_init} payload, as {@code {"Authorization": "Bearer <token>"}} or {@code {"token": "<token>"}},
 * and holds for every operation of that connection. Each operation checks it anew, so a token that expires
 * while a connection is open stops working for the operations started after that, and a subscription ends when
 * the sign-in that opened it expires or is signed out.
 *
 * <p>Spring for GraphQL allows one {@code WebSocketGraphQlInterceptor}: this is it.
 */
@Component
public class BearerTokenInterceptor implements WebSocketGraphQlInterceptor {

    private final AccountService accounts;
    private final Duration subscriptionCheck;

    BearerTokenInterceptor(AccountService accounts, @Value("${rapport.auth.subscription-check:10s}") Duration subscriptionCheck) {
        this.accounts = accounts;
        this.subscriptionCheck = subscriptionCheck;
    }

    /** The key of the presented token in the GraphQL context. */
    static final String TOKEN_KEY = "rapport.token";
    /** The key of the client's address in the GraphQL context (the proxy's, unless forwarded headers are trusted). */
    static final String CLIENT_ADDRESS_KEY = "rapport.clientAddress";
    /** Whether the request came over WebSocket, where subscriptions run, in the GraphQL context. */
    public static final String OVER_WEBSOCKET_KEY = "rapport.overWebSocket";

    private static final String SESSION_TOKEN = BearerTokenInterceptor.class.getName() + ".sessionToken";
    private static final String BEARER = "Bearer ";

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        String token = tokenOf(payload);
        if (token != null) {
            session.getAttributes().put(SESSION_TOKEN, token);
        }
        // A connection without a token is accepted: public fields need none, and the others say what is missing.
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String token = null;
        if (request instanceof WebSocketGraphQlRequest webSocketRequest) {
            token = (String) webSocketRequest.getSessionInfo().getAttributes().get(SESSION_TOKEN);
        }
        if (token == null) {
            token = bearerToken(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        }
        Map<String, Object> context = new HashMap<>();
        context.put(OVER_WEBSOCKET_KEY, request instanceof WebSocketGraphQlRequest);
        if (token != null) {
            context.put(TOKEN_KEY, token);
        }
        if (request.getRemoteAddress() != null && request.getRemoteAddress().getAddress() != null) {
            context.put(CLIENT_ADDRESS_KEY, request.getRemoteAddress().getAddress().getHostAddress());
        }
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
        if (token == null || !(request instanceof WebSocketGraphQlRequest)) {
            return chain.next(request);
        }
        String presented = token;
        return chain.next(request).map(response -> response.getExecutionResult().getData() instanceof Publisher<?> stream
                ? response.transform(builder -> builder.data(endedWithItsSignIn(stream, presented)))
                : response);
    }

    /**
     * A subscription lives as long as the sign-in that opened it: its token is checked every
     * {@code rapport.auth.subscription-check}, and once it has expired or been signed out the stream's last message is
     * an {@code UNAUTHORIZED} error.
     */
    private Flux<Object> endedWithItsSignIn(Publisher<?> stream, String token) {
        AtomicBoolean signedOut = new AtomicBoolean();
        Mono<Long> ended = Flux.interval(subscriptionCheck, subscriptionCheck)
                               .publishOn(Schedulers.boundedElastic())
                               .filter(tick -> !stillSignedIn(token))
                               .doOnNext(tick -> signedOut.set(true))
                               .next();
        return Flux.<Object>from(stream).takeUntilOther(ended)
                   .concatWith(Mono.defer(() -> signedOut.get() ? Mono.just(signInEnded()) : Mono.empty()));
    }

    /** The last message of a subscription whose sign-in ended: an error the client can act on, then the end. */
    private static ExecutionResult signInEnded() {
        return ExecutionResult.newExecutionResult()
                              .addError(GraphqlErrorBuilder.newError().errorType(RapportErrorType.UNAUTHORIZED)
                                                           .message(Unauthenticated.INVALID_TOKEN).build())
                              .build();
    }

    private boolean stillSignedIn(String token) {
        try {
            accounts.authenticate(token);
            return true;
        } catch (Unauthenticated ended) {
            return false;
        }
    }

    private static String tokenOf(Map<String, Object> payload) {
        if (payload == null) {
            return null;
        }
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (!(entry.getValue() instanceof String value)) {
                continue;
            }
            if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(entry.getKey())) {
                return bearerToken(value);
            }
            if ("token".equalsIgnoreCase(entry.getKey()) && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** What a plain HTTP endpoint answers a request without a valid token. */
    public static final String SIGN_IN_FIRST = "sign in first: send Authorization: Bearer <token> from signIn";

    /**
     * The account a plain HTTP request (not GraphQL) is signed in as, by its {@code Authorization} header.
     *
     * @throws Unauthenticated without a valid bearer token; answer it with {@link #SIGN_IN_FIRST}
     */
    public static Account signedIn(AccountService accounts, HttpServletRequest request) {
        return accounts.authenticate(bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION)));
    }

    /** The token of an {@code Authorization} header value; null unless it is a bearer token (RFC 6750). */
    public static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
