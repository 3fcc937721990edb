package dev.promptwise.netcheck;

import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Tries to open a connection and swallows the failure, as careless code would; a test runs it under
 * {@link NoNetworkSecurityManager} to show that the manager still reports the attempt.
 */
public final class ConnectProbe {

    private ConnectProbe() {}

    public static void main(String[] args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 9), 1000);
        } catch (Exception swallowed) {
            // Swallowed on purpose: the attempt alone must be seen.
        }
    }
}
