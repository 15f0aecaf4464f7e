package app.rapport.plugins.linkedin;

import app.rapport.plugin.Endpoint;
import app.rapport.plugin.EndpointRequest;
import app.rapport.plugin.EndpointResponse;
import app.rapport.plugin.Job;
import app.rapport.plugin.Json;
import app.rapport.plugin.PluginApi;
import app.rapport.plugin.PluginContext;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportPlugin;
import app.rapport.plugin.Refused;

import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * LinkedIn import: {@code POST /plugins/linkedin-import/imports} with the export as multipart field {@code file}
 * answers {@code 202 {"id": "<job>"}} once the file is known to be an export; the import runs on and its progress is
 * {@code Query.importJob(id)}. Imports run {@value #AT_ONCE} at a time; more wait their turn. An owner's imports run
 * one after another, so a file sent twice at once finds the first one's contacts and adds nobody twice.
 */
public final class LinkedInImportPlugin implements RapportPlugin {

    static final String ID = "linkedin-import";
    private static final int AT_ONCE = 2;
    private static final System.Logger log = System.getLogger(LinkedInImportPlugin.class.getName());

    private ExecutorService imports;
    /** Each owner's latest import, which the next one of that owner runs after. */
    private final Map<String, CompletableFuture<Void>> latestOfOwner = new ConcurrentHashMap<>();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "LinkedIn import", "1.0.0", PluginApi.VERSION, PluginApi.VERSION);
    }

    @Override
    public void start(PluginContext context) {
        imports = Executors.newFixedThreadPool(AT_ONCE, runnable -> {
            Thread thread = new Thread(runnable, "linkedin-import");
            thread.setDaemon(true);
            return thread;
        });
        context.endpoint(Endpoint.forOwner("POST", "imports", request -> accept(context, request)));
    }

    private EndpointResponse accept(PluginContext context, EndpointRequest request) throws Exception {
        EndpointRequest.Upload file = request.upload("file").orElseThrow(() -> new Refused(
                "file", "send the export as the multipart/form-data field \"file\" (curl -F file=@Connections.csv)"));
        if (file.size() == 0) {
            throw new Refused("file", "the file is empty");
        }
        Export export;
        try (InputStream in = file.open()) {
            export = Export.of(in);
        }
        int total;
        try {
            total = ConnectionImport.count(export.connections());
        } catch (RuntimeException notAnExport) {
            export.close();
            throw notAnExport;
        }
        Job job = context.startJob(request.ownerId(), ID);
        job.total(total);
        Runnable work = () -> run(new ConnectionImport(context.owner(request.ownerId()), job), export, job);
        CompletableFuture<Void> queued = latestOfOwner.compute(request.ownerId(), (owner, latest) -> latest == null
                ? CompletableFuture.runAsync(work, imports)
                : latest.exceptionally(failure -> null).thenRunAsync(work, imports));
        queued.whenComplete((done, failure) -> latestOfOwner.remove(request.ownerId(), queued));
        return EndpointResponse.json(202, "{\"id\":" + Json.quote(job.id()) + "}");
    }

    private static void run(ConnectionImport work, Export export, Job job) {
        try (export) {
            work.run(export);
            job.done();
        } catch (Refused refused) {
            job.fail(refused.getMessage());
        } catch (Exception | LinkageError failure) {
            log.log(Level.WARNING, "LinkedIn import " + job.id() + " failed", failure);
            job.fail("the import stopped: " + failure.getMessage() + "; what was imported so far stays, and importing the file again completes it");
        }
    }

    @Override
    public void stop() {
        if (imports != null) {
            imports.shutdownNow();
        }
    }
}
