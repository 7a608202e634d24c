package org.postedit.workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.VaadinServlet;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.test.context.ActiveProfiles;

/**
 * Why the app has no "your session expires soon" warning (docs/operations.md): an open tab sends Vaadin heartbeats,
 * each a request that renews the HTTP session, well within the session timeout, and idle sessions are not closed.
 * So an open, connected tab never reaches the timeout. These are the values the running app uses; if someone
 * lengthens the heartbeat past the timeout or turns on closeIdleSessions, this fails and the docs need revisiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionKeepAliveTest {

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void anOpenTabsHeartbeatsRenewItsSessionWellBeforeItCouldExpire() throws Exception {
        // the login page starts the Vaadin servlet (its service and configuration exist from the first request)
        HttpResponse<Void> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(200);

        DeploymentConfiguration vaadin = vaadinServlet().getService().getDeploymentConfiguration();
        Context web = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        int sessionTimeoutSeconds = web.getSessionTimeout() * 60;

        assertThat(sessionTimeoutSeconds).as("server.servlet.session.timeout").isEqualTo(30 * 60);
        assertThat(vaadin.isCloseIdleSessions()).as("vaadin.closeIdleSessions").isFalse();
        assertThat(vaadin.getHeartbeatInterval()).as("vaadin.heartbeatInterval (s)").isEqualTo(300)
                // a lost heartbeat or two (a slow network, a throttled background tab) still leaves the session
                .isLessThanOrEqualTo(sessionTimeoutSeconds / 3);
    }

    private VaadinServlet vaadinServlet() {
        return context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet)
                .filter(VaadinServlet.class::isInstance).map(VaadinServlet.class::cast)
                .findFirst().orElseThrow();
    }
}
