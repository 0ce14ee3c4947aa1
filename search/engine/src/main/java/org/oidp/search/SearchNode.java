package org.oidp.search;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node on 127.0.0.1 and keeps it up until the process is killed.
 *
 * Arguments: [httpPort] [dataDirectory]. The data directory is deleted on a clean shutdown, so a
 * restart begins with empty indexes (the live suite re-indexes).
 */
public final class SearchNode {

    private SearchNode() {
    }

    public static void main(final String[] args) throws Exception {
        final int httpPort = args.length > 0 ? Integer.parseInt(args[0]) : 9200;
        final String basePath = args.length > 1 ? args[1] : null;

        final OpenSearchRunner runner = new OpenSearchRunner();
        // A fixed port: fail instead of silently moving to the next free one.
        runner.setMaxHttpPort(-1);
        runner.onBuild((number, settings) -> {
            settings.put("http.port", String.valueOf(httpPort));
            settings.put("transport.port", String.valueOf(httpPort + 100));
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
            // Disk watermarks would turn a nearly full CI disk into read-only indexes.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            settings.put("action.auto_create_index", "true");
        });

        final OpenSearchRunner.Configs configs = newConfigs()
                .numOfNode(1)
                .clusterName("oidp-search")
                .printOnFailure();
        if (basePath != null) {
            configs.basePath(basePath);
        }
        runner.build(configs);
        runner.ensureYellow();
        System.out.println("OpenSearch node ready on http://127.0.0.1:" + httpPort);

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
                runner.clean();
            } catch (final IOException e) {
                System.err.println("Could not close the node cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }
}
