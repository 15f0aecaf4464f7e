package app.rapport.plugins.webhooks;

import app.rapport.plugin.Refused;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where a hook may post. Only http(s) URLs, and only to public addresses unless the server allows private ones: a
 * webhook must not become a way to probe the server's own network (its loopback, its LAN, a cloud's metadata address).
 * Checked when the hook is set and again before every delivery, since a name can resolve elsewhere later.
 */
final class HookAddress {

    private HookAddress() {
    }

    static URI check(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException malformed) {
            throw new Refused("url", "url is not a URL: " + malformed.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new Refused("url", "url must be an http(s) address such as https://example.org/hooks/rapport");
        }
        if (uri.getUserInfo() != null) {
            throw new Refused("url", "url must not carry a user name or password; the signature proves who sent it");
        }
        if (!allowPrivate) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (isPrivate(address)) {
                        throw new Refused("url", "url leads to " + address.getHostAddress() + ", a private or local address;"
                                                 + " webhooks go to public addresses only");
                    }
                }
            } catch (UnknownHostException unknown) {
                throw new Refused("url", "url names a host that cannot be found: " + uri.getHost());
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
