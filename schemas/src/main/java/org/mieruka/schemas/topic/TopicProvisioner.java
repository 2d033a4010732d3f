package org.mieruka.schemas.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the catalog's topics that do not exist yet. Safe to run at every start-up. */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final String prefix;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, String prefix, short replicationFactor) {
        this.admin = admin;
        this.prefix = prefix;
        this.replicationFactor = replicationFactor;
    }

    /** @return the names of the topics it created */
    public List<String> ensure(List<TopicSpec> specs) throws InterruptedException {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (!existing.contains(spec.name(prefix))) {
                    missing.add(new NewTopic(spec.name(prefix), spec.partitions(), replicationFactor)
                            .configs(spec.configs()));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Another instance may have created them at the same moment: that is fine.
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
                LOG.info("topics created count={} prefix={}", missing.size(), prefix);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create Kafka topics with prefix " + prefix
                    + ": " + e.getMessage(), e);
        }
    }
}
