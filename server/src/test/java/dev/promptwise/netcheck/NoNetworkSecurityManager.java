package dev.promptwise.netcheck;

import java.net.SocketPermission;
import java.security.Permission;

/**
 * A security manager that allows everything but the network: any socket the JVM is about to resolve, connect,
 * listen on or accept is reported on stderr with {@link #MARKER} and refused. End-to-end tests start the server
 * with it ({@code -Djava.security.manager=dev.promptwise.netcheck.NoNetworkSecurityManager}, Java 17) to show that
 * it opens no connection, including one whose failure it would swallow.
 */
@SuppressWarnings("removal")
public final class NoNetworkSecurityManager extends SecurityManager {

    /** What starts the stderr line of a refused socket. */
    public static final String MARKER = "PROMPTWISE-NETWORK-ACCESS: ";

    @Override
    public void checkPermission(Permission permission) {
        if (permission instanceof SocketPermission) {
            System.err.println(MARKER + permission);
            new Throwable("refused here").printStackTrace();
            throw new SecurityException("No network for Promptwise: " + permission);
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }
}
