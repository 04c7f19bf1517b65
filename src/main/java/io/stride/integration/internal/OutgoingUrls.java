package io.stride.integration.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses Stride may post to: https to a public address. Loopback (over http too) only when
 * {@code stride.integration.allow-loopback} is set (development and tests); private, link-local and other local
 * addresses never, so that a webhook cannot be aimed at the network Stride runs in.
 */
@Component
public class OutgoingUrls {

	public static final int MAX_LENGTH = 2000;

	private final boolean allowLoopback;

	OutgoingUrls(@Value("${stride.integration.allow-loopback:false}") boolean allowLoopback) {
		this.allowLoopback = allowLoopback;
	}

	/** Why the URL may not be posted to, or null when it may. Resolves the host. */
	public String problem(String url) {
		if (url == null || url.isBlank()) {
			return "Enter the https address to post to.";
		}
		if (url.length() > MAX_LENGTH) {
			return "The address is longer than " + MAX_LENGTH + " characters.";
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			return "This is not a valid address.";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
		String host = uri.getHost();
		if (!scheme.equals("https") && !scheme.equals("http") || host == null) {
			return "The address must start with https://.";
		}
		if (uri.getUserInfo() != null) {
			return "The address may not hold a user name or password.";
		}
		if (scheme.equals("http")) {
			// plain http only to this machine, and only when allowed
			return allowLoopback && loopback(host) ? null
					: "The address must start with https:// (only loopback may use http, in development).";
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException e) {
			return "The host could not be found.";
		}
		boolean loopback = addresses.length > 0;
		for (InetAddress address : addresses) {
			loopback &= address.isLoopbackAddress();
			if (!address.isLoopbackAddress() && local(address)) {
				return "The address is in a private or local network; Stride posts only to public addresses.";
			}
		}
		if (loopback && !allowLoopback) {
			return "The address is this machine (loopback); Stride posts only to public addresses.";
		}
		return null;
	}

	private static boolean loopback(String host) {
		try {
			InetAddress[] addresses = InetAddress.getAllByName(host);
			return addresses.length > 0 && java.util.Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
		}
		catch (UnknownHostException e) {
			return false;
		}
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
