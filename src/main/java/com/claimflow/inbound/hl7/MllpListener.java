package com.claimflow.inbound.hl7;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The MLLP listener (HL7 v2.5.1 chapter 2, appendix C, MLLP release 1): each message framed as 0x0B, the message, 0x1C
 * 0x0D, each answered with its ACK in the same framing on the same connection. One acceptor thread and at most {@code
 * connections} connection threads (the box has two cores); connections beyond those wait, up to {@code
 * waiting-connections}, then are closed. A connection silent for {@code read-timeout}, one that sends bytes outside a
 * frame, or one that closes in the middle of a message is closed; whatever part of a message arrived is kept as refused,
 * and nothing a client sends stops the listener. With {@code claimflow.hl7.tls} naming an SSL bundle the listener takes
 * MLLP over TLS only ({@link MllpTls}): a connection whose handshake fails (not TLS, no client certificate or one not
 * trusted) is closed before anything is read from it, and logged with its address.
 *
 * <p>HAPI's own server ({@code newServer}) is not used: it takes a thread per connection and another per message from
 * an unbounded pool, and it parses before the application sees the text, so a message it cannot parse is never kept.
 * HAPI parses and its initiator is the client in the tests.
 */
public class MllpListener implements SmartLifecycle {
    static final int START_BLOCK = 0x0B;
    static final int END_BLOCK = 0x1C;
    static final int CARRIAGE_RETURN = 0x0D;
    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

    private final Hl7Inbox inbox;
    private final Hl7Settings settings;
    /** TLS, or null for plain TCP. */
    private final MllpTls tls;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Connections whose message is being processed: stopping lets them answer first. */
    private final Set<Socket> busy = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile ThreadPoolExecutor workers;
    private volatile Thread acceptor;

    MllpListener(Hl7Inbox inbox, Hl7Settings settings) {
        this(inbox, settings, null);
    }

    MllpListener(Hl7Inbox inbox, Hl7Settings settings, MllpTls tls) {
        this.inbox = inbox;
        this.settings = settings;
        this.tls = tls;
    }

    /** The port the listener is bound to (the configured one, or the one taken for port 0); -1 when not running. */
    public int port() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    public synchronized void start() {
        if (isRunning()) return;
        try {
            ServerSocket s = tls == null ? new ServerSocket() : tls.newServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(settings.bindAddress(), settings.port()));
            server = s;
        } catch (IOException e) {
            throw new IllegalStateException("the HL7 MLLP listener cannot listen on " + settings.bindAddress() + " port " + settings.port()
                    + " (claimflow.hl7.bind-address, claimflow.hl7.port): " + e.getMessage(), e);
        }
        BlockingQueue<Runnable> waiting = settings.waitingConnections() > 0 ? new ArrayBlockingQueue<>(settings.waitingConnections())
                : new SynchronousQueue<>();
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(settings.connections(), settings.connections(), 0, TimeUnit.MILLISECONDS, waiting, r -> {
            Thread t = new Thread(r, "hl7-mllp-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        acceptor = new Thread(this::accept, "hl7-mllp-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("HL7 v2 MLLP listener on {} port {} ({} connections at once, {})", settings.bindAddress(), port(), settings.connections(),
                tls == null ? "plain TCP" : "TLS, client certificates " + tls.clientAuth().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized void stop() {
        ServerSocket s = server;
        if (s == null) return;
        server = null;
        closeQuietly(s);
        workers.shutdown();
        // idle connections end now; a message being processed is answered first (up to 5 s), then its connection ends too
        open.stream().filter(c -> !busy.contains(c)).forEach(MllpListener::closeQuietly);
        try {
            acceptor.join(5000);
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) log.warn("HL7 MLLP listener stopped with messages unanswered");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.forEach(MllpListener::closeQuietly);
        workers.shutdownNow();
        log.info("HL7 v2 MLLP listener stopped");
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private void accept() {
        ServerSocket s = server;
        while (s != null && !s.isClosed()) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                if (s.isClosed()) return;
                log.warn("HL7 MLLP accept failed: {}", e.getMessage());
                pause();
                continue;
            }
            try {
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()));
                socket.setTcpNoDelay(true);
                open.add(socket);
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException | IOException e) {
                log.warn("HL7 MLLP connection from {} closed: {} connections are served and {} wait", socket.getRemoteSocketAddress(),
                        settings.connections(), settings.waitingConnections());
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    /** Reads frames and answers each until the client closes, falls silent, or sends what is not MLLP. */
    private void serve(Socket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        if (socket instanceof SSLSocket secured) {
            try {
                peer = MllpTls.handshake(secured, peer);
            } catch (IOException e) {
                // not TLS, no client certificate, an untrusted one, or silent past the read timeout: nothing was read
                log.warn("HL7 MLLP connection from {} refused: TLS handshake failed: {}", peer, e.getMessage());
                open.remove(socket);
                closeQuietly(socket);
                return;
            }
        }
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
            while (isRunning()) {
                Frame frame = read(in);
                if (frame == null) return;
                busy.add(socket);
                String ack;
                if (frame.outside()) {
                    ack = inbox.refuseUnframed(frame.text(), peer);
                } else if (frame.truncated()) {
                    ack = inbox.refuseTruncated(frame.text(), peer, frame.tooLarge() ? settings.maxMessageChars() : -1);
                } else {
                    ack = inbox.handle(frame.text(), peer);
                }
                write(out, ack);
                busy.remove(socket);
                if (frame.outside() || frame.truncated() && !frame.tooLarge()) return;
            }
        } catch (SocketTimeoutException e) {
            log.debug("HL7 MLLP connection from {} silent for {}: closed", peer, settings.readTimeout());
        } catch (SocketException e) {
            log.debug("HL7 MLLP connection from {} ended: {}", peer, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("HL7 MLLP connection from {} failed: {}", peer, e.toString());
        } finally {
            busy.remove(socket);
            open.remove(socket);
        }
    }

    /**
     * A message read from the stream. {@code outside}: bytes that are not a frame (no start block); {@code truncated}: the
     * connection closed before the end block, or the frame passed {@code max-message-chars} ({@code tooLarge}).
     */
    record Frame(String text, boolean outside, boolean truncated, boolean tooLarge) {
    }

    /** The next frame, or null at the end of the stream between frames. Carriage returns and line feeds between frames are skipped. */
    Frame read(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b == CARRIAGE_RETURN || b == '\n');
        if (b < 0) return null;
        if (b != START_BLOCK) {
            ByteArrayOutputStream junk = new ByteArrayOutputStream();
            junk.write(b);
            int available = Math.min(in.available(), 64 * 1024);
            junk.write(in.readNBytes(available));
            return new Frame(decode(junk.toByteArray()), true, false, false);
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        long limit = settings.maxMessageChars();
        long size = 0;
        while (true) {
            b = in.read();
            if (b < 0) return new Frame(decode(message.toByteArray()), false, true, false);
            if (b == END_BLOCK) break;
            if (size++ < limit) message.write(b);
        }
        String text = decode(message.toByteArray());
        return size > limit ? new Frame(text, false, true, true) : new Frame(text, false, false, false);
    }

    /** UTF-8 (of which ASCII, HL7's default, is part); bytes that are not UTF-8 are read as ISO 8859-1. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    static void write(OutputStream out, String ack) throws IOException {
        byte[] body = ack.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[body.length + 3];
        frame[0] = START_BLOCK;
        System.arraycopy(body, 0, frame, 1, body.length);
        frame[body.length + 1] = END_BLOCK;
        frame[body.length + 2] = CARRIAGE_RETURN;
        out.write(frame);
        out.flush();
    }

    /** After a failed accept (e.g. out of file handles), so that the acceptor does not spin. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
