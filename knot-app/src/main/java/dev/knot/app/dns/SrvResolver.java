package dev.knot.app.dns;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import dev.knot.app.config.ResolverSection;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Looks up "srv+name" services (the original's {@code util/dns.go}): the SRV records of the name give a target and a
 * port, and the target's A (else AAAA) record gives the address. Uses the JDK's JNDI DNS provider, asking the
 * configured name servers ({@code resolver.*}) or, with none, the system's. The record with the lowest priority,
 * then the highest weight, wins, so every server sharing a config picks the same one.
 */
public final class SrvResolver {
    /** The original dialled each name server with a 5 s timeout; a whole lookup here takes no longer. */
    public static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    /** JNDI doubles this per retry and asks each server in turn: 1 s, then 2 s, per server. */
    private static final String FIRST_ATTEMPT_MILLIS = "1000";
    private static final String RETRIES = "2";

    private final ResolverSection resolver;
    private final Duration timeout;

    public SrvResolver(ResolverSection resolver) {
        this(resolver, LOOKUP_TIMEOUT);
    }

    /** With a shorter {@code timeout}, for tests that wait for a lookup nobody answers. */
    public SrvResolver(ResolverSection resolver, Duration timeout) {
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * @param name the service's DNS name, without "srv+"
     * @throws KnotException STORE_UNAVAILABLE naming the name and the name servers when there is no usable record or
     *     no answer within the timeout; INVALID_ARGUMENT when a configured name server is not host[:port]
     */
    public ServiceAddress lookup(String name) {
        requireNonNull(name, "name is null");
        Nameservers nameservers;
        try {
            nameservers = Nameservers.forName(resolver, name);
        } catch (IllegalArgumentException invalid) {
            throw KnotException.invalid(invalid.getMessage());
        }
        // JNDI has no overall deadline (its retries multiply by the number of servers), so the lookup runs on a
        // thread of its own and is abandoned when the deadline passes; that thread ends with JNDI's own timeouts.
        FutureTask<ServiceAddress> task = new FutureTask<>(() -> query(name, nameservers));
        Thread thread = new Thread(task, "knot-srv-lookup");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            task.cancel(true);
            throw failure(name, nameservers, format("no answer within %d ms", timeout.toMillis()), null);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof KnotException knot) {
                throw knot;
            }
            throw failure(name, nameservers, reason(failed.getCause()), failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw failure(name, nameservers, "interrupted", interrupted);
        }
    }

    private static ServiceAddress query(String name, Nameservers nameservers) {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(Context.PROVIDER_URL, nameservers.providerUrl());
        environment.put("com.sun.jndi.dns.timeout.initial", FIRST_ATTEMPT_MILLIS);
        environment.put("com.sun.jndi.dns.timeout.retries", RETRIES);
        DirContext context = null;
        try {
            context = new InitialDirContext(environment);
            SrvRecord chosen = records(context, name).stream()
                    .min(Comparator.comparingInt(SrvRecord::priority)
                            .thenComparing(Comparator.comparingInt(SrvRecord::weight).reversed()))
                    .orElseThrow(() -> failure(name, nameservers, "no SRV record", null));
            return new ServiceAddress(address(context, chosen.target(), name, nameservers), chosen.port());
        } catch (NamingException failed) {
            throw failure(name, nameservers, reason(failed), failed);
        } finally {
            closeQuietly(context);
        }
    }

    private static List<SrvRecord> records(DirContext context, String name) throws NamingException {
        List<SrvRecord> records = new ArrayList<>();
        Attribute srv = context.getAttributes(name, new String[] {"SRV"}).get("SRV");
        if (srv == null) {
            return records;
        }
        NamingEnumeration<?> values = srv.getAll();
        while (values.hasMore()) {
            records.add(SrvRecord.parse(values.next().toString()));
        }
        return records;
    }

    private static String address(DirContext context, String target, String name, Nameservers nameservers)
            throws NamingException {
        for (String type : new String[] {"A", "AAAA"}) {
            Attribute addresses;
            try {
                addresses = context.getAttributes(target, new String[] {type}).get(type);
            } catch (NameNotFoundException noSuchName) {
                addresses = null;
            }
            if (addresses != null && addresses.size() > 0) {
                return addresses.get(0).toString();
            }
        }
        throw failure(name, nameservers, format("the SRV target %s has no A or AAAA record", target), null);
    }

    private static String reason(Throwable failure) {
        if (failure instanceof NameNotFoundException) {
            return "no such name";
        }
        if (failure instanceof CommunicationException) {
            return "no answer from the name servers";
        }
        if (failure instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        String explanation = failure instanceof NamingException naming ? naming.getExplanation() : failure.getMessage();
        return explanation == null ? failure.getClass().getSimpleName() : explanation;
    }

    private static KnotException failure(String name, Nameservers nameservers, String reason, Throwable cause) {
        String message = format("DNS SRV lookup of %s via %s failed: %s", name, nameservers.describe(), reason);
        return cause == null
                ? new KnotException(ErrorCode.STORE_UNAVAILABLE, message)
                : new KnotException(ErrorCode.STORE_UNAVAILABLE, message, cause);
    }

    private static void closeQuietly(DirContext context) {
        if (context == null) {
            return;
        }
        try {
            context.close();
        } catch (NamingException ignored) {
            // Nothing is held open between lookups; the answer is already read.
        }
    }

    /** One SRV record: "priority weight port target." as JNDI renders it. */
    private record SrvRecord(int priority, int weight, int port, String target) {
        static SrvRecord parse(String text) {
            String[] fields = text.trim().split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException("unreadable SRV record \"" + text + "\"");
            }
            try {
                return new SrvRecord(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]),
                        Integer.parseInt(fields[2]), fields[3]);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("unreadable SRV record \"" + text + "\"", notANumber);
            }
        }
    }
}
