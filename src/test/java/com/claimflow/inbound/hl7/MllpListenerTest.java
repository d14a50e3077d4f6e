package com.claimflow.inbound.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MLLP transport (HL7 v2.5.1 appendix C) on its own, its inbox answering with the message's length: a connection
 * carries many messages, threads stay bounded, silent and over-long input is ended, and stopping frees everything.
 */
class MllpListenerTest {
    private MllpListener listener;

    /** An inbox that answers each message with "ACK <length>" and can be made to hold a message until released. */
    static final class EchoInbox extends Hl7Inbox {
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hold;

        EchoInbox() {
            super(null, null, null, null, null);
        }

        @Override
        String handle(String received, String peer) {
            if (hold) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "ACK " + received.length();
        }

        @Override
        String refuseTruncated(String text, String peer, int limit) {
            return "AR " + (limit > 0 ? "too long" : "cut off");
        }

        @Override
        String refuseUnframed(String text, String peer) {
            return "AR not framed";
        }
    }

    private MllpListener start(EchoInbox inbox, int connections, int waiting, Duration timeout, int maxChars) {
        listener = new MllpListener(inbox, new Hl7Settings(true, 0, connections, waiting, timeout, maxChars, Map.of(), null, null));
        listener.start();
        return listener;
    }

    @AfterEach
    void stop() {
        if (listener != null) listener.stop();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("localhost", listener.port());
        s.setSoTimeout(5000);
        return s;
    }

    @Test
    void portZeroBindsAFreePortAndOneConnectionCarriesManyMessagesInOrder() throws Exception {
        start(new EchoInbox(), 2, 2, Duration.ofSeconds(5), 1000);
        assertThat(listener.port()).isPositive();
        try (Socket s = connect()) {
            s.getOutputStream().write(MllpFrames.framed("MSH|1"));
            s.getOutputStream().write(MllpFrames.framed("MSH|123"));
            assertThat(MllpFrames.answer(s.getInputStream())).isEqualTo("ACK 5");
            assertThat(MllpFrames.answer(s.getInputStream())).isEqualTo("ACK 7");
        }
    }

    @Test
    void aFrameLongerThanTheLimitIsRefusedAndTheConnectionGoesOn() throws Exception {
        start(new EchoInbox(), 1, 0, Duration.ofSeconds(5), 10);
        try (Socket s = connect()) {
            s.getOutputStream().write(MllpFrames.framed("MSH|" + "x".repeat(50)));
            s.getOutputStream().write(MllpFrames.framed("MSH|ok"));
            assertThat(MllpFrames.answer(s.getInputStream())).isEqualTo("AR too long");
            assertThat(MllpFrames.answer(s.getInputStream())).isEqualTo("ACK 6");
        }
    }

    @Test
    void bytesOutsideAFrameAreAnsweredAndTheConnectionClosed() throws Exception {
        start(new EchoInbox(), 1, 0, Duration.ofSeconds(5), 1000);
        try (Socket s = connect()) {
            s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(MllpFrames.answer(s.getInputStream())).isEqualTo("AR not framed");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheReadTimeoutFreeingItsThread() throws Exception {
        start(new EchoInbox(), 1, 0, Duration.ofMillis(300), 1000);
        try (Socket silent = connect()) {
            silent.getOutputStream().write(new byte[] { MllpListener.START_BLOCK, 'M', 'S' });
            long began = System.nanoTime();
            assertThat(silent.getInputStream().read()).as("closed, unanswered").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(4));
        }
        try (Socket next = connect()) {
            next.getOutputStream().write(MllpFrames.framed("MSH|next"));
            assertThat(MllpFrames.answer(next.getInputStream())).isEqualTo("ACK 8");
        }
    }

    @Test
    void connectionsBeyondTheThreadsAndTheWaitingRoomAreClosedAtOnce() throws Exception {
        EchoInbox inbox = new EchoInbox();
        inbox.hold = true;
        start(inbox, 1, 0, Duration.ofSeconds(5), 1000);
        try (Socket busy = connect(); Socket extra = connect()) {
            busy.getOutputStream().write(MllpFrames.framed("MSH|held"));
            Thread.sleep(200);
            extra.getOutputStream().write(MllpFrames.framed("MSH|extra"));
            int read;
            try {
                read = extra.getInputStream().read();
            } catch (SocketException reset) {
                read = -1;
            }
            assertThat(read).as("the only thread is busy and nothing may wait: closed").isEqualTo(-1);
            inbox.release.countDown();
            assertThat(MllpFrames.answer(busy.getInputStream())).isEqualTo("ACK 8");
        }
    }

    @Test
    void aConnectionBeyondTheThreadsWaitsForOneAndIsThenServed() throws Exception {
        EchoInbox inbox = new EchoInbox();
        inbox.hold = true;
        start(inbox, 1, 1, Duration.ofSeconds(5), 1000);
        try (Socket busy = connect(); Socket waiting = connect()) {
            busy.getOutputStream().write(MllpFrames.framed("MSH|held"));
            waiting.getOutputStream().write(MllpFrames.framed("MSH|waited"));
            Thread.sleep(200);
            inbox.release.countDown();
            assertThat(MllpFrames.answer(busy.getInputStream())).isEqualTo("ACK 8");
            busy.close();
            assertThat(MllpFrames.answer(waiting.getInputStream())).isEqualTo("ACK 10");
        }
    }

    @Test
    void stoppingLetsAMessageInProgressBeAnsweredFirst() throws Exception {
        EchoInbox inbox = new EchoInbox();
        inbox.hold = true;
        start(inbox, 1, 0, Duration.ofSeconds(5), 1000);
        try (Socket s = connect()) {
            s.getOutputStream().write(MllpFrames.framed("MSH|in progress"));
            Thread.sleep(200);
            Thread stopping = new Thread(listener::stop);
            stopping.start();
            Thread.sleep(200);
            inbox.release.countDown();
            assertThat(MllpFrames.answer(s.getInputStream())).isEqualTo("ACK 15");
            stopping.join(10_000);
            assertThat(listener.isRunning()).isFalse();
        }
    }

    @Test
    void stoppingClosesOpenConnectionsAndFreesThePort() throws Exception {
        start(new EchoInbox(), 2, 0, Duration.ofSeconds(30), 1000);
        int port = listener.port();
        try (Socket open = connect()) {
            open.getOutputStream().write(MllpFrames.framed("MSH|1"));
            assertThat(MllpFrames.answer(open.getInputStream())).isEqualTo("ACK 5");
            long began = System.nanoTime();
            listener.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
            assertThat(listener.isRunning()).isFalse();
            int read;
            try {
                read = open.getInputStream().read();
            } catch (SocketException reset) {
                read = -1;
            }
            assertThat(read).isEqualTo(-1);
        }
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        listener = null;
    }
}
