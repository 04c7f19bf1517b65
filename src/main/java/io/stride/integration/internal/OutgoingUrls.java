package io.stride.integration.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses Stride may post to: https to a public address. Loopback (over http too) only when
 * {@code stride.integration.allow-loopback} is set (development and tests); private, link-local and other local
 * addresses never, so that a webhook cannot be aimed at the network Stride runs in.
 * <p>
 * The host is resolved once, by {@link #target}: the addresses checked are the ones connected to ({@link OutgoingHttp}),
 * so that a name whose DNS answer changes between the check and the connection (DNS rebinding) cannot reach an
 * address that was never checked.
 */
@Component
public class OutgoingUrls {

	public static final int MAX_LENGTH = 2000;

	/** How a host name becomes addresses (the system's resolver; tests give their own). */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	/**
	 * Where to post: the URL, its host (for the Host header, TLS's server name and the certificate's check) and the
	 * checked addresses to connect to, in the resolver's order; or the {@code problem} that refuses it.
	 */
	public record Target(URI uri, String host, int port, boolean https, List<InetAddress> addresses, String problem) {

		static Target refused(String problem) {
			return new Target(null, null, -1, false, List.of(), problem);
		}

		/** The first address to try. */
		public InetAddress address() {
			return addresses.isEmpty() ? null : addresses.getFirst();
		}
	}

	private final boolean allowLoopback;

	private final Resolver resolver;

	@Autowired
	OutgoingUrls(@Value("${stride.integration.allow-loopback:false}") boolean allowLoopback) {
		this(allowLoopback, InetAddress::getAllByName);
	}

	public OutgoingUrls(boolean allowLoopback, Resolver resolver) {
		this.allowLoopback = allowLoopback;
		this.resolver = resolver;
	}

	/** Why the URL may not be posted to, or null when it may. Resolves the host. */
	public String problem(String url) {
		return target(url).problem();
	}

	/** The URL checked, with the one address to connect to; resolves the host once. */
	public Target target(String url) {
		if (url == null || url.isBlank()) {
			return Target.refused("Enter the https address to post to.");
		}
		if (url.length() > MAX_LENGTH) {
			return Target.refused("The address is longer than " + MAX_LENGTH + " characters.");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			return Target.refused("This is not a valid address.");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost();
		if (!scheme.equals("https") && !scheme.equals("http") || host == null) {
			return Target.refused("The address must start with https://.");
		}
		if (uri.getUserInfo() != null) {
			return Target.refused("The address may not hold a user name or password.");
		}
		String httpOnlyLoopback = "The address must start with https://. Plain http:// is for a server on this machine, in "
				+ "development, and only when Stride runs with STRIDE_INTEGRATION_ALLOW_LOOPBACK=true.";
		if (scheme.equals("http") && !allowLoopback) {
			return Target.refused(httpOnlyLoopback);
		}
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (UnknownHostException e) {
			return Target.refused(scheme.equals("http") ? httpOnlyLoopback : "The host could not be found.");
		}
		if (addresses == null || addresses.length == 0) {
			return Target.refused("The host could not be found.");
		}
		boolean loopback = true;
		for (InetAddress address : addresses) {
			loopback &= address.isLoopbackAddress();
			if (!address.isLoopbackAddress() && local(address)) {
				return Target.refused(scheme.equals("http") ? httpOnlyLoopback
						: "The address is in a private or local network; Stride posts only to public addresses.");
			}
		}
		if (scheme.equals("http") && !loopback) {
			// plain http only to this machine, and only when allowed
			return Target.refused(httpOnlyLoopback);
		}
		if (loopback && !allowLoopback) {
			return Target.refused("The address is this machine (loopback); Stride posts only to public addresses.");
		}
		boolean https = scheme.equals("https");
		int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
		return new Target(uri, host, port, https, List.of(addresses), null);
	}

	private static boolean local(InetAddress a) {
		if (a.isAnyLocalAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()) {
			return true;
		}
		byte[] b = a.getAddress();
		if (a instanceof Inet6Address) {
			boolean ipv4Inside = true;
			for (int i = 0; i < 12; i++) {
				ipv4Inside &= b[i] == 0;
			}
			// unique local fc00::/7; IPv4 carried inside IPv6, which reaches IPv4 addresses unchecked: IPv4-compatible
			// ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16 and Teredo 2001::/32
			return (b[0] & 0xfe) == 0xfc || ipv4Inside
					|| b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
					|| b[0] == 0x20 && b[1] == 0x02 || b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0;
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		int third = b[2] & 0xff;
		// carrier-grade NAT 100.64/10, "this network" 0/8, benchmarking 198.18/15, IETF protocol assignments
		// 192.0.0/24, reserved 240/4 (with the broadcast address)
		return first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18 || second == 19)
				|| first == 192 && second == 0 && third == 0 || first >= 240;
	}

	/** The address as it may be shown: its scheme and host only (the path of a chat webhook is its secret). */
	public static String masked(String url) {
		try {
			URI uri = new URI(url);
			return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
		}
		catch (URISyntaxException e) {
			return "…";
		}
	}
}
