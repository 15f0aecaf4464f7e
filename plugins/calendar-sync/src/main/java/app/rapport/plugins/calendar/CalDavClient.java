package app.rapport.plugins.calendar;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CalDAV calendar collection, spoken to over HTTP (RFC 4791, RFC 6578): resources read, written with ETag
 * preconditions, and listed by sync token or by ETags. The password goes only into the Authorization header; no
 * message of this class carries it.
 */
final class CalDavClient {

    private static final String DAV = "DAV:";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                                                     .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The calendar server could not do what was asked; the message says why in words, for {@code lastError}. */
    static class CalDavFailure extends RuntimeException {
        CalDavFailure(String message) {
            super(message);
        }
    }

    /** The resource changed on the server since its ETag was read (412). */
    static final class Changed extends CalDavFailure {
        Changed(String href) {
            super("the calendar changed " + href + " meanwhile");
        }
    }

    /** The server no longer knows the sync token (RFC 6578 §3.2): list everything instead. */
    static final class TokenRefused extends CalDavFailure {
        TokenRefused() {
            super("the calendar server no longer knows the sync token");
        }
    }

    /** A resource as read: its text and ETag (null when the server sends none). */
    record Resource(String body, String etag) {
    }

    /** One listed resource: its path and ETag (null when the server sends none), or gone. */
    record Listed(String href, String etag, boolean gone) {
    }

    /** What changed since a sync token, and the token to use next time. */
    record Changes(List<Listed> resources, String nextToken) {
    }

    private final URI collection;
    private final String authorization;

    CalDavClient(URI collection, String username, String password) {
        this.collection = collection.getPath().endsWith("/") ? collection : URI.create(collection + "/");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    URI collection() {
        return collection;
    }

    /** The path of the resource {@code name} in the collection. */
    String hrefOf(String name) {
        return collection.resolve(name).getRawPath();
    }

    /** Checks that the URL is a calendar collection the credentials may use. */
    void checkCalendar() {
        HttpResponse<String> answer = send("PROPFIND", collection.getRawPath(), "0", """
                <?xml version="1.0" encoding="utf-8"?>
                <d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>""", Map.of());
        requireSuccess(answer, "read the calendar", 207);
        if (!answer.body().contains("calendar")) {
            throw new CalDavFailure("the URL is not a calendar collection: point it at one calendar, such as https://host/dav/user/calendar/");
        }
    }

    /** The collection's sync token, or empty when it offers none (no RFC 6578). */
    Optional<String> syncToken() {
        HttpResponse<String> answer = send("PROPFIND", collection.getRawPath(), "0", """
                <?xml version="1.0" encoding="utf-8"?>
                <d:propfind xmlns:d="DAV:"><d:prop><d:sync-token/></d:prop></d:propfind>""", Map.of());
        requireSuccess(answer, "read the calendar", 207);
        for (Element response : responses(answer.body())) {
            if (hasOkProperty(response, "sync-token")) {
                return Optional.of(text(response, "sync-token")).filter(token -> !token.isBlank());
            }
        }
        return Optional.empty();
    }

    /** What changed since {@code token} (RFC 6578 sync-collection). */
    Changes changesSince(String token) {
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <d:sync-collection xmlns:d="DAV:"><d:sync-token>%s</d:sync-token><d:sync-level>1</d:sync-level>
                <d:prop><d:getetag/></d:prop></d:sync-collection>""".formatted(escapeXml(token));
        HttpResponse<String> answer = send("REPORT", collection.getRawPath(), null, body, Map.of());
        // RFC 6578 says 403 or 409 with valid-sync-token; servers also answer 400, 412 or even 500. Whatever the
        // reason, listing everything still works, and fails with its own words when the server is truly unwell.
        if (answer.statusCode() != 207 && answer.statusCode() != 401) {
            throw new TokenRefused();
        }
        requireSuccess(answer, "list the calendar's changes", 207);
        Document multistatus = parse(answer.body());
        List<Listed> listed = new ArrayList<>();
        for (Element response : responses(multistatus)) {
            String href = pathOf(text(response, "href"));
            if (href.isEmpty() || samePath(href, collection.getRawPath())) {
                continue;
            }
            String status = directText(response, "status");
            boolean gone = status != null && status.contains(" 404");
            listed.add(new Listed(href, gone ? null : CalendarMeeting.blankAsNull(text(response, "getetag")), gone));
        }
        String next = directText(multistatus.getDocumentElement(), "sync-token");
        return new Changes(listed, next == null || next.isBlank() ? token : next);
    }

    /** Every resource in the collection with its ETag, for servers without sync tokens. */
    Map<String, String> list() {
        HttpResponse<String> answer = send("PROPFIND", collection.getRawPath(), "1", """
                <?xml version="1.0" encoding="utf-8"?>
                <d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>""", Map.of());
        requireSuccess(answer, "list the calendar", 207);
        Map<String, String> found = new LinkedHashMap<>();
        for (Element response : responses(answer.body())) {
            String href = pathOf(text(response, "href"));
            if (!href.isEmpty() && !samePath(href, collection.getRawPath())) {
                found.put(href, CalendarMeeting.blankAsNull(text(response, "getetag")));
            }
        }
        return found;
    }

    /** The resource, or empty when the server has none at {@code href}. */
    Optional<Resource> get(String href) {
        HttpResponse<String> answer = send("GET", href, null, null, Map.of());
        if (answer.statusCode() == 404 || answer.statusCode() == 410) {
            return Optional.empty();
        }
        requireSuccess(answer, "read a meeting", 200);
        return Optional.of(new Resource(answer.body(), answer.headers().firstValue("ETag").orElse(null)));
    }

    /**
     * Writes a resource: created only where none is ({@code etag} null: {@code If-None-Match: *}), else replaced only
     * while it is as last read ({@code If-Match}). Answers the new ETag, or null when the server sends none.
     *
     * @throws Changed when the precondition failed
     */
    String put(String href, String ics, String etag) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/calendar; charset=utf-8");
        if (etag == null) {
            headers.put("If-None-Match", "*");
        } else {
            headers.put("If-Match", etag);
        }
        HttpResponse<String> answer = send("PUT", href, null, ics, headers);
        if (answer.statusCode() == 412) {
            throw new Changed(href);
        }
        requireSuccess(answer, "write a meeting", 201, 204, 200);
        return answer.headers().firstValue("ETag").orElse(null);
    }

    /** Deletes a resource while it is as last read; one already gone is fine. */
    void delete(String href, String etag) {
        HttpResponse<String> answer = send("DELETE", href, null, null, etag == null ? Map.of() : Map.of("If-Match", etag));
        if (answer.statusCode() == 412) {
            throw new Changed(href);
        }
        if (answer.statusCode() == 404 || answer.statusCode() == 410) {
            return;
        }
        requireSuccess(answer, "delete a meeting", 204, 200);
    }

    private HttpResponse<String> send(String method, String path, String depth, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(collection.resolve(path)).timeout(TIMEOUT)
                                                 .header("Authorization", authorization)
                                                 .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                                                              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (depth != null) {
            request.header("Depth", depth);
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/xml; charset=utf-8");
        }
        headers.forEach(request::header);
        try {
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException stale) {
                if (stale instanceof HttpTimeoutException || stale instanceof ConnectException) {
                    throw stale;
                }
                // A kept-alive connection the server closed meanwhile (it restarted, a proxy timed it out): once more,
                // on a new one. Safe for every request here: writes carry If-Match or If-None-Match.
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (HttpConnectTimeoutException | ConnectException unreachable) {
            throw new CalDavFailure("the calendar server at " + collection.getHost() + " cannot be reached; Rapport tries again");
        } catch (HttpTimeoutException slow) {
            throw new CalDavFailure("the calendar server at " + collection.getHost() + " did not answer within "
                                    + TIMEOUT.toSeconds() + " s; Rapport tries again");
        } catch (IOException broken) {
            throw new CalDavFailure("the connection to the calendar server at " + collection.getHost() + " failed ("
                                    + broken.getClass().getSimpleName() + "); Rapport tries again");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CalDavFailure("interrupted while talking to the calendar server");
        }
    }

    private void requireSuccess(HttpResponse<String> answer, String doing, int... expected) {
        int status = answer.statusCode();
        for (int ok : expected) {
            if (status == ok) {
                return;
            }
        }
        throw new CalDavFailure(switch (status) {
            case 401 -> "the calendar server refused the user name or password";
            case 403 -> "the calendar server does not let this account " + doing;
            case 404 -> "the calendar server has no calendar at " + collection;
            case 405, 501 -> "the server at " + collection.getHost() + " does not speak CalDAV here (" + status + ")";
            default -> "the calendar server answered " + status + " when Rapport tried to " + doing
                       + (status >= 500 ? "; Rapport tries again" : "");
        });
    }

    // ------------------------------------------------------------------ XML of multistatus answers

    private static List<Element> responses(String xml) {
        return responses(parse(xml));
    }

    private static List<Element> responses(Document multistatus) {
        NodeList nodes = multistatus.getElementsByTagNameNS(DAV, "response");
        List<Element> responses = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            responses.add((Element) nodes.item(i));
        }
        return responses;
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(DAV, name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }

    /** A child's text, not a descendant's: the response's own status (a gone resource's), not a propstat's. */
    private static String directText(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && DAV.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                return element.getTextContent().strip();
            }
        }
        return null;
    }

    private static boolean hasOkProperty(Element response, String name) {
        NodeList propstats = response.getElementsByTagNameNS(DAV, "propstat");
        for (int i = 0; i < propstats.getLength(); i++) {
            Element propstat = (Element) propstats.item(i);
            if (text(propstat, "status").contains(" 200") && propstat.getElementsByTagNameNS(DAV, name).getLength() > 0) {
                return true;
            }
        }
        return false;
    }

    /** A calendar server's XML, read without DTDs or external entities: the server is not trusted. */
    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException unreadable) {
            throw new CalDavFailure("the calendar server's answer is not the XML CalDAV needs");
        }
    }

    /** A listed href as a path: servers may answer with whole URLs. */
    private static String pathOf(String href) {
        try {
            String path = URI.create(href).getRawPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException malformed) {
            return href;
        }
    }

    private static boolean samePath(String href, String path) {
        String a = href.endsWith("/") ? href : href + "/";
        String b = path.endsWith("/") ? path : path + "/";
        return URI.create(a).getPath().equals(URI.create(b).getPath());
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
