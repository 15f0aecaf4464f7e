package app.rapport.api.server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Tells clients which Rapport they are talking to. */
@Controller
class ServerInfoController {

    private final ServerInfo serverInfo;

    ServerInfoController(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.serverInfo = new ServerInfo("Rapport", properties == null ? "development" : properties.getVersion());
    }

    @QueryMapping
    ServerInfo server() {
        return serverInfo;
    }

    record ServerInfo(String name, String version) {
    }
}
