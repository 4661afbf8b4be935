package de.weserems.integration.dashboard.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildIndicatorsTest {

    @Test
    void the_default_application_id_is_the_one_the_dashboard_runs_with() throws IOException {
        String yml;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("application-id:\\s*(\\S+)").matcher(yml);
        assertThat(m.find()).isTrue();
        assertThat(RebuildIndicators.DEFAULT_APPLICATION_ID).isEqualTo(m.group(1));
    }

    @Test
    void unknown_arguments_are_refused_with_the_usage_before_anything_is_touched() {
        for (String wrong : new String[]{"oops", "--bootstrap-server=x:1", "--statedir=/tmp"}) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int status = RebuildIndicators.main(new String[]{"rebuild-indicators", "--bootstrap-servers=x:1", wrong},
                    new java.io.PrintStream(out));
            assertThat(status).isEqualTo(2);
            assertThat(out.toString()).contains("unknown argument " + wrong).contains("usage");
        }
    }
}
