package org.flowscape.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Test helper: a Spark standalone cluster on loopback (one master, N workers of one core each), started from Maven's
 * jars without a Spark distribution. {@code SPARK_HOME} is {@code HOME/spark-home/}, whose {@code jars/} holds links
 * to the given jars (what a distribution's {@code jars/} holds: Spark and its dependencies). Each daemon is a child
 * JVM ({@code java -cp SPARK_HOME/jars/* org.apache.spark.deploy.master.Master | worker.Worker --host 127.0.0.1});
 * the master's RPC port and the workers' ports are chosen by the system (port 0), the master's web UI port is a free
 * one found here, so runs never collide with each other or with a real Spark. A worker launches its executors as
 * {@code java -cp SPARK_HOME/conf:SPARK_HOME/jars/* ...} (Spark's {@code WorkerCommandBuilder}, no script), which
 * needs {@code SPARK_SCALA_VERSION} in its environment (a distribution's {@code bin/load-spark-env.sh} sets it).
 * Everything the daemons and executors write (logs, work and local directories) lies under {@code HOME}.
 *
 * <p>{@link #close()} and a shutdown hook destroy every daemon and its executors, whatever happened.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final Path home;
    private final Path sparkHome;
    private final int masterUi;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final Thread hook = new Thread(this::destroyAll, "standalone-cluster-cleanup");
    private String masterUrl;
    private Duration executorCpu = Duration.ZERO;

    private StandaloneCluster(Path home) throws IOException {
        this.home = home.toAbsolutePath();
        this.sparkHome = this.home.resolve("spark-home");
        this.masterUi = freePort();
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts a master and {@code workers} workers and waits until every worker is registered and alive.
     *
     * @param home an empty directory for the cluster's files
     * @param sparkJars Spark's jars and their dependencies (linked into {@code SPARK_HOME/jars/})
     * @param workers the number of workers, each with one core and {@code workerMemory}
     * @param workerMemory each worker's memory for executors, e.g. {@code 512m}
     * @param timeout how long to wait for the cluster
     */
    static StandaloneCluster start(Path home, List<Path> sparkJars, int workers, String workerMemory,
            Duration timeout) throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(home);
        try {
            Path jars = Files.createDirectories(cluster.sparkHome.resolve("jars"));
            for (Path jar : sparkJars) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
            cluster.startAll(workers, workerMemory, System.nanoTime() + timeout.toNanos());
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll(int count, String workerMemory, long deadline) throws IOException, InterruptedException {
        // the master's REST submission server (on by default, fixed port 6066) is not needed here
        processes.add(daemon("master", List.of("-Dspark.master.rest.enabled=false",
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", "0", "--webui-port", Integer.toString(masterUi))));
        masterUrl = await(deadline, "the master's web UI on port " + masterUi, () -> {
            JsonNode state = masterState();
            return "ALIVE".equals(state.path("status").asText()) ? state.path("url").asText() : null;
        });
        for (int i = 0; i < count; i++) {
            Process worker = daemon("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", workerMemory,
                    "--work-dir", home.resolve("work-" + i).toString(), masterUrl));
            processes.add(worker);
            workers.add(worker);
        }
        await(deadline, count + " alive workers", () -> aliveWorkers() == count ? Boolean.TRUE : null);
    }

    /** Starts a daemon JVM with Spark's jars, its output into {@code HOME/logs/NAME.log}. */
    private Process daemon(String name, List<String> optionsMainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", sparkClassPath()));
        command.addAll(optionsMainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile(name).toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", Files.createDirectories(home.resolve("local-" + name)).toString());
        env.put("OPENBLAS_NUM_THREADS", "1");
        return builder.start();
    }

    /** The file a process called {@code name} logs into, under {@code HOME/logs/}. */
    Path logFile(String name) throws IOException {
        return Files.createDirectories(home.resolve("logs")).resolve(name + ".log");
    }

    /** The java launcher of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path of Spark's daemons and of spark-submit, {@code SPARK_HOME/jars/*}. */
    String sparkClassPath() {
        return sparkHome.resolve("jars") + "/*";
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return masterUrl;
    }

    /** The master's state, from its web UI's {@code /json} endpoint. */
    JsonNode masterState() throws IOException, InterruptedException {
        return getJson("http://127.0.0.1:" + masterUi + "/json/");
    }

    /** The number of workers the master lists as ALIVE. */
    int aliveWorkers() throws IOException, InterruptedException {
        return (int) StreamSupport.stream(masterState().path("workers").spliterator(), false)
                .filter(w -> "ALIVE".equals(w.path("state").asText())).count();
    }

    /**
     * The index of the worker whose executor has Spark executor id {@code executorId} (an executor is a child
     * process of its worker, {@code CoarseGrainedExecutorBackend ... --executor-id ID}); empty when none has.
     */
    Optional<Integer> workerOf(String executorId) {
        for (int i = 0; i < workers.size(); i++) {
            boolean runs = workers.get(i).toHandle().children().anyMatch(p -> executorIdOf(p).equals(executorId));
            if (runs) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static String executorIdOf(ProcessHandle process) {
        String[] args = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--executor-id")) {
                return args[i + 1];
            }
        }
        return "";
    }

    /** Kills worker {@code index} as a crash would: its executors first, then the worker (SIGKILL), and waits. */
    void kill(int index) throws InterruptedException {
        Process worker = workers.get(index);
        List<ProcessHandle> executors = worker.toHandle().descendants().toList();
        countCpu(executors);
        executors.forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly().waitFor();
        for (ProcessHandle p : executors) {
            p.onExit().join();
        }
    }

    /** Whether worker {@code index}'s process is alive. */
    boolean workerAlive(int index) {
        return workers.get(index).isAlive();
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    /**
     * The CPU time the executors used: they are the workers' children, so {@link ChildCpu} does not see them; it is
     * read just before each is killed. Complete after {@link #close()}.
     */
    synchronized Duration executorCpu() {
        return executorCpu;
    }

    private synchronized void countCpu(List<ProcessHandle> executors) {
        for (ProcessHandle p : executors) {
            executorCpu = executorCpu.plus(p.info().totalCpuDuration().orElse(Duration.ZERO));
        }
    }

    /** Destroys every daemon and its descendants (executors), workers first, and waits for them. */
    private void destroyAll() {
        List<Process> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        for (Process p : reversed) {
            List<ProcessHandle> descendants = p.toHandle().descendants().toList();
            countCpu(descendants);
            descendants.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : reversed) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** GETs {@code url} and parses its body as JSON. */
    static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    /** A port that is free now (the system's choice). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A condition polled every 200 ms: its value, or null while not yet met; I/O errors count as not yet. */
    @FunctionalInterface
    interface Poll<T> {
        T value() throws IOException, InterruptedException;
    }

    /** Polls {@code poll} until it gives a value; fails naming {@code what} at the deadline. */
    static <T> T await(long deadline, String what, Poll<T> poll) throws InterruptedException {
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = poll.value();
                if (value != null) {
                    return value;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : " (last: " + last + ")"));
    }

    /** Reads a log file, or says why it cannot. */
    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
