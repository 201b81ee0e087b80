package dev.knot.domain.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A space template as knot users write them: a docker task and the knot agent, env, a heredoc, ports. */
class RealisticTemplateTest {
    private static final String JOB = """
            job "${{ .space.name }}-${{ .user.username }}" {
              datacenters = ["${{ .nomad.dc }}"]
              region      = "${{ .nomad.region }}"

              group "debian" {
                count = 1

                network {
                  port "knot_port" {
                    to = 3000
                  }
                  port "ssh" {
                    to = 22
                  }
                }

                task "debian" {
                  driver = "docker"

                  config {
                    image    = "${{ or .var.image "paularlott/knot-debian:latest" }}"
                    hostname = "${{ .space.name }}"
                    ports    = ["knot_port", "ssh"]
                  }

                  env {
                    KNOT_SERVER           = "${{ .server.agent_url }}"
                    KNOT_SPACEID          = "${{ .space.id }}"
                    KNOT_USER             = "${{ .user.username }}"
                    KNOT_SERVICE_PASSWORD = "${{ .user.service_password }}"
                    TZ                    = "${{ .user.timezone }}"
                    ${{- if eq .var.vnc "true" }}
                    KNOT_VNC_HTTP_PORT    = "5680"
                    ${{- end }}
                  }

                  template {
                    data        = <<EOF
            KNOT_EMAIL=${{ .user.email }}
            DOMAIN=${{ .server.wildcard_domain }}
            ${{- range .var.extra_hosts }}
            HOST=${{ . }}
            ${{- end }}
            EOF
                    destination = "${NOMAD_TASK_DIR}/knot.env"
                    env         = true
                  }

                  resources {
                    cpu    = ${{ .var.cpu }}
                    memory = 1024
                  }

                  service {
                    name = "knot-${{ .space.id }}"
                    port = "knot_port"
                  }
                }

                task "agent" {
                  driver = "raw_exec"

                  lifecycle {
                    hook    = "prestart"
                    sidecar = true
                  }

                  config {
                    command = "/usr/local/bin/knot"
                    args    = ["agent", "--server", "${{ .server.agent_url }}", "--space-id", "${{ .space.id }}"]
                  }
                }
              }
            }
            """;

    private static final String EXPECTED = """
            job "dev-box-alice" {
              datacenters = ["dc1"]
              region      = "global"

              group "debian" {
                count = 1

                network {
                  port "knot_port" {
                    to = 3000
                  }
                  port "ssh" {
                    to = 22
                  }
                }

                task "debian" {
                  driver = "docker"

                  config {
                    image    = "paularlott/knot-debian:latest"
                    hostname = "dev-box"
                    ports    = ["knot_port", "ssh"]
                  }

                  env {
                    KNOT_SERVER           = "https://knot.example.com"
                    KNOT_SPACEID          = "0190a5a4-0000-7000-8000-000000000001"
                    KNOT_USER             = "alice"
                    KNOT_SERVICE_PASSWORD = "s3rvice"
                    TZ                    = "Europe/London"
                    KNOT_VNC_HTTP_PORT    = "5680"
                  }

                  template {
                    data        = <<EOF
            KNOT_EMAIL=alice@example.com
            DOMAIN=.knot.example.com
            HOST=db.local
            HOST=cache.local
            EOF
                    destination = "${NOMAD_TASK_DIR}/knot.env"
                    env         = true
                  }

                  resources {
                    cpu    = 500
                    memory = 1024
                  }

                  service {
                    name = "knot-0190a5a4-0000-7000-8000-000000000001"
                    port = "knot_port"
                  }
                }

                task "agent" {
                  driver = "raw_exec"

                  lifecycle {
                    hook    = "prestart"
                    sidecar = true
                  }

                  config {
                    command = "/usr/local/bin/knot"
                    args    = ["agent", "--server", "https://knot.example.com", "--space-id", "0190a5a4-0000-7000-8000-000000000001"]
                  }
                }
              }
            }
            """;

    /** "image" exists, but not for this server's location: the template falls back to its default. */
    private static final Set<String> VARIABLE_NAMES = Set.of("image", "vnc", "extra_hosts", "cpu");

    private final TemplateRenderer renderer = new TemplateRenderer();
    private final RenderFixture fixture = new RenderFixture()
            .withVariable("vnc", "true")
            .withVariable("cpu", "500")
            .withVariable("extra_hosts", List.of("db.local", "cache.local"));

    @Test
    void rendersAsTheOriginalWould() {
        CompiledTemplate template = renderer.compile("job", JOB, OutputFormat.HCL, VARIABLE_NAMES);

        assertThat(template.variableNames()).isEqualTo(VARIABLE_NAMES);
        assertThat(renderer.render(template, fixture.context())).isEqualTo(EXPECTED);
    }

    @Test
    void aHostileSpaceNameChangesOnlyTheStringsItIsIn() {
        String hostile = "x\"\n  privileged = true\n  volumes = [\"/:/host\"]\n  y = \"${attr.secret}";
        fixture.withSpaceName(hostile);

        String rendered = renderer.render(
                renderer.compile("job", JOB, OutputFormat.HCL, VARIABLE_NAMES), fixture.context());

        assertThat(rendered.replace(HclText.quote(hostile), "dev-box")).isEqualTo(EXPECTED);
        assertThat(rendered).doesNotContain("\n  privileged");
    }
}
