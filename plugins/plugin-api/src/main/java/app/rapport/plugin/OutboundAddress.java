package app.rapport.plugin;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where a plugin may send requests on an owner's behalf (a webhook, a calendar server). Only http(s) URLs, and only
 * to public addresses unless the server allows private ones: an owner's URL must not become a way to probe the
 * server's own network (its loopback, its LAN, a cloud's metadata address). Check when the URL is given and again
 * before each use, since a name can resolve elsewhere later.
 */
public final class OutboundAddress {

    private OutboundAddress() {
    }

    /**
     * The URL, checked.
     *
     * @param field        the field named in a refusal
     * @param allowPrivate whether the server allows loopback and private addresses (a plugin's
     *                     {@code allow-private-addresses} property)
     * @throws Refused naming {@code field} and what is wrong
     */
    public static URI check(String field, String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException malformed) {
            throw new Refused(field, field + " is not a URL: " + malformed.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new Refused(field, field + " must be an http(s) address such as https://example.org/path");
        }
        if (uri.getUserInfo() != null) {
            throw new Refused(field, field + " must not carry a user name or password");
        }
        if (!allowPrivate) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (isPrivate(address)) {
                        throw new Refused(field, field + " leads to " + address.getHostAddress() + ", a private or local address;"
                                                 + " this server sends only to public addresses");
                    }
                }
            } catch (UnknownHostException unknown) {
                throw new Refused(field, field + " names a host that cannot be found: " + uri.getHost());
            }
        }
        return uri;
    }

    private static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
            || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 100 && second >= 64 && second < 128 // carrier-grade NAT 100.64.0.0/10
               || first == 0 || first >= 240;               // "this network" and reserved
    }
}
