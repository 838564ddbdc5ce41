package org.orgraph.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on the loopback interface between the service and Neo4j that can fail on
 * demand: {@link Mode#PASS} forwards, {@link Mode#STALL} keeps connections open but moves no
 * byte, {@link Mode#DROP} closes every connection (FIN) and each new one at once,
 * {@link Mode#RESET} does the same with a TCP reset.
 */
final class TcpRelay implements AutoCloseable {

	enum Mode {

		PASS, STALL, DROP, RESET

	}

	private final ServerSocket server;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Object modeChanged = new Object();

	private volatile Mode mode = Mode.PASS;

	TcpRelay(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().name("relay-accept").start(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	void mode(Mode mode) {
		synchronized (this.modeChanged) {
			this.mode = mode;
			this.modeChanged.notifyAll();
		}
		if (mode == Mode.DROP || mode == Mode.RESET) {
			this.sockets.forEach(s -> close(s, mode == Mode.RESET));
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.mode == Mode.DROP || this.mode == Mode.RESET) {
					close(client, this.mode == Mode.RESET);
					continue;
				}
				Socket upstream = new Socket();
				upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.targetPort));
				this.sockets.add(client);
				this.sockets.add(upstream);
				Thread.ofVirtual().start(() -> pump(client, upstream));
				Thread.ofVirtual().start(() -> pump(upstream, client));
			}
			catch (IOException ex) {
				// the server socket closed, or one connection failed: keep serving the others
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				awaitNotStalled();
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException ex) {
			// a side closed or was reset: the other side goes too
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			close(from, false);
			close(to, false);
		}
	}

	private void awaitNotStalled() throws InterruptedException {
		synchronized (this.modeChanged) {
			while (this.mode == Mode.STALL) {
				this.modeChanged.wait();
			}
		}
	}

	private void close(Socket socket, boolean reset) {
		this.sockets.remove(socket);
		try {
			if (reset && !socket.isClosed()) {
				socket.setSoLinger(true, 0);
			}
			socket.close();
		}
		catch (IOException ex) {
			// already closed by the other pump
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.sockets.forEach(s -> close(s, false));
	}

}
