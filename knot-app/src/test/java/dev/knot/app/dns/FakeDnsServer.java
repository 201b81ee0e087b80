package dev.knot.app.dns;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A name server on 127.0.0.1 (UDP, a free port) that answers SRV and A questions from what a test gave it, in the
 * DNS wire format of RFC 1035 and RFC 2782, written out by hand: enough for the JDK's DNS client and nothing more.
 * A name it does not know gets NXDOMAIN; a known name without records of the asked type gets an empty answer.
 */
public final class FakeDnsServer implements AutoCloseable {
    private static final int TYPE_A = 1;
    private static final int TYPE_SRV = 33;
    private static final int CLASS_IN = 1;
    private static final int NXDOMAIN = 3;

    private final DatagramSocket socket;
    private final Map<String, List<byte[]>> srvRecords = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> addressRecords = new ConcurrentHashMap<>();
    private final AtomicInteger questions = new AtomicInteger();
    private final Thread responder;

    private FakeDnsServer(DatagramSocket socket) {
        this.socket = socket;
        this.responder = new Thread(this::answerUntilClosed, "fake-dns");
        responder.setDaemon(true);
        responder.start();
    }

    public static FakeDnsServer start() {
        try {
            return new FakeDnsServer(new DatagramSocket(0, InetAddress.getLoopbackAddress()));
        } catch (SocketException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** "127.0.0.1:port", as resolver.nameservers lists it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public FakeDnsServer withSrv(String name, int priority, int weight, int port, String target) {
        ByteBuffer data = ByteBuffer.allocate(6);
        data.putShort((short) priority).putShort((short) weight).putShort((short) port);
        byte[] record = concat(data.array(), encodeName(target));
        srvRecords.computeIfAbsent(key(name), ignored -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    /** From now on {@code name} has this one SRV record instead of the ones it had: the service moved. */
    public FakeDnsServer replaceSrv(String name, int priority, int weight, int port, String target) {
        srvRecords.remove(key(name));
        return withSrv(name, priority, weight, port, target);
    }

    public FakeDnsServer withA(String name, String ipv4) {
        try {
            byte[] address = InetAddress.getByName(ipv4).getAddress();
            addressRecords.computeIfAbsent(key(name), ignored -> new CopyOnWriteArrayList<>()).add(address);
        } catch (IOException notAnAddress) {
            throw new UncheckedIOException(notAnAddress);
        }
        return this;
    }

    /** How many questions arrived, answered or not. */
    public int questions() {
        return questions.get();
    }

    @Override
    public void close() {
        socket.close();
    }

    private void answerUntilClosed() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket query = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(query);
                questions.incrementAndGet();
                byte[] reply = answer(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private byte[] answer(ByteBuffer query) {
        short id = query.getShort();
        short flags = query.getShort();
        query.position(12);
        int questionStart = query.position();
        String name = readName(query);
        int type = Short.toUnsignedInt(query.getShort());
        query.getShort(); // class
        byte[] question = new byte[query.position() - questionStart];
        query.get(questionStart, question);

        List<byte[]> records = recordsFor(name, type);
        boolean known = srvRecords.containsKey(name) || addressRecords.containsKey(name);
        int recursionDesired = flags & 0x0100;
        // QR (a response), AA (authoritative), RD echoed, RA, and the response code.
        int replyFlags = 0x8000 | 0x0400 | recursionDesired | 0x0080 | (known ? 0 : NXDOMAIN);

        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12);
        header.putShort(id).putShort((short) replyFlags).putShort((short) 1).putShort((short) records.size())
                .putShort((short) 0).putShort((short) 0);
        reply.writeBytes(header.array());
        reply.writeBytes(question);
        for (byte[] data : records) {
            ByteBuffer record = ByteBuffer.allocate(12);
            // The owner name as a pointer to the question's name, which starts right after the header (offset 12).
            record.putShort((short) 0xC00C).putShort((short) type).putShort((short) CLASS_IN).putInt(60)
                    .putShort((short) data.length);
            reply.writeBytes(record.array());
            reply.writeBytes(data);
        }
        return reply.toByteArray();
    }

    private List<byte[]> recordsFor(String name, int type) {
        Map<String, List<byte[]>> records = switch (type) {
            case TYPE_SRV -> srvRecords;
            case TYPE_A -> addressRecords;
            default -> Map.of();
        };
        return records.getOrDefault(name, List.of());
    }

    private static String readName(ByteBuffer message) {
        StringBuilder name = new StringBuilder();
        for (int length = Byte.toUnsignedInt(message.get()); length > 0; length = Byte.toUnsignedInt(message.get())) {
            byte[] label = new byte[length];
            message.get(label);
            name.append(name.length() == 0 ? "" : ".").append(new String(label, US_ASCII));
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    private static byte[] encodeName(String name) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        for (String label : key(name).split("\\.")) {
            encoded.write(label.length());
            encoded.writeBytes(label.getBytes(US_ASCII));
        }
        encoded.write(0);
        return encoded.toByteArray();
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
