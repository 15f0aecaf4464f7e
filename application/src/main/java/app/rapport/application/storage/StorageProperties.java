package app.rapport.application.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where Rapport keeps its data.
 *
 * @param mongodb  a real MongoDB; when its URI is empty, the embedded default is used
 * @param dataDir  where the embedded default keeps its file ({@code RAPPORT_DATA_DIR})
 * @param nodeId   this server's name in the token store: a restarted node with the same name reclaims its
 *                 event processors' segments at once instead of waiting for their claims to time out
 */
@ConfigurationProperties("rapport")
public record StorageProperties(Mongodb mongodb, Path dataDir, String nodeId) {

    public StorageProperties {
        mongodb = mongodb == null ? new Mongodb(null, null) : mongodb;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        nodeId = nodeId == null || nodeId.isBlank() ? "rapport" : nodeId;
    }

    /**
     * @param uri      {@code RAPPORT_MONGODB_URI}, e.g. {@code mongodb://mongo:27017/?replicaSet=rs0}
     * @param database the database holding Rapport's collections
     */
    public record Mongodb(String uri, String database) {

        public Mongodb {
            database = database == null || database.isBlank() ? "rapport" : database;
        }

        boolean configured() {
            return uri != null && !uri.isBlank();
        }
    }
}
